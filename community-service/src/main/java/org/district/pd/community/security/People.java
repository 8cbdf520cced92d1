package org.district.pd.community.security;

import org.district.pd.platform.security.Roles;

/** The roles of people who take part in communities; machine clients and HR have no business here. */
public final class People {

    public static final String TEACHER = Roles.TEACHER;
    public static final String COACH = Roles.COACH;
    public static final String PRINCIPAL = Roles.PRINCIPAL;
    public static final String DISTRICT_ADMIN = Roles.DISTRICT_ADMIN;
    public static final String FACILITATOR = Roles.FACILITATOR;
    public static final String ASSESSOR = Roles.ASSESSOR;

    private People() {
    }
}
