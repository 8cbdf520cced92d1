package org.district.pd.credentials.submission;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/**
 * One piece of evidence: a link, a text, or an uploaded file with its SHA-256. A file's bytes are read and written
 * apart, by {@link SubmissionRepository}, so that listing a submission never loads them.
 */
@Entity
public class Artifact {

    @EmbeddedId
    public Key key;
    /** The evidence requirement it answers. */
    public String requirement;
    public String url;
    public String text;
    public String fileName;
    public String contentType;
    public Long sizeBytes;
    public String sha256;

    @Embeddable
    public record Key(UUID submissionId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
