package org.district.pd.platform.security;

/** The realm roles of Keycloak realm {@code district}, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String TEACHER = "teacher";
    public static final String COACH = "coach";
    public static final String PRINCIPAL = "principal";
    public static final String DISTRICT_ADMIN = "district-admin";
    public static final String ASSESSOR = "assessor";
    public static final String FACILITATOR = "facilitator";
    public static final String HR = "hr";
    public static final String LMS_INTEGRATION = "lms-integration";

    private Roles() {
    }
}
