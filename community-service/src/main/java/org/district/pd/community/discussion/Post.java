package org.district.pd.community.discussion;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;

/** A thread's opening post (a discussion or a reflection) or a reply in it. */
@Entity
@DynamicUpdate
public class Post {

    public enum Kind {
        DISCUSSION, REFLECTION, REPLY
    }

    @Id
    public UUID id;
    public UUID communityId;
    public UUID threadId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public UUID authorId;
    public String title;
    public String body;
    public String tried;
    public String why;
    public String impact;
    public Instant createdAt;
    public Instant editedAt;
    public int revisions;
    public Instant hiddenAt;
    public UUID hiddenBy;
    public String hiddenReason;
    public int replyCount;
    public Instant lastActivityAt;

    public boolean isThread() {
        return kind != Kind.REPLY;
    }
}
