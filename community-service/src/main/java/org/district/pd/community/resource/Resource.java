package org.district.pd.community.resource;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A resource a member shared in a community: a link, its kind, tags and why it helped. */
@Entity
public class Resource {

    public enum Kind {
        ARTICLE, BOOK, VIDEO, WEBINAR, TOOL, LESSON_PLAN
    }

    @Id
    public UUID id;
    public UUID communityId;
    public UUID sharedBy;
    public String url;
    public String title;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    public String note;
    public Instant sharedAt;
    public int upvotes;
}
