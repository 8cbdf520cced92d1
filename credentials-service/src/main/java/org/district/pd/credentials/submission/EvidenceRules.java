package org.district.pd.credentials.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.district.pd.credentials.definition.ArtifactKind;
import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionBody.EvidenceRequirement;
import org.district.pd.credentials.submission.rest.NewSubmission.NewArtifact;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;

/**
 * Whether a submission's artifacts meet the definition's evidence requirements: each in a form its kind takes (a video
 * is a link, a reflection a text), in the numbers asked for, and each file of an accepted type whose bytes match it.
 */
public final class EvidenceRules {

    /** An artifact ready to store: exactly one of url, text and file. */
    public record Checked(String requirement, String url, String text, Upload file, String sha256) {
    }

    private EvidenceRules() {
    }

    /**
     * The artifacts to store, or a 400 listing every problem. {@code required} are the requirement keys that must be
     * met (all of them, or those a renewal asks for); the others may still be answered.
     */
    public static List<Checked> check(DefinitionBody definition, Set<String> required, List<NewArtifact> artifacts,
            List<Upload> uploads, long maxFileBytes) {
        Map<String, EvidenceRequirement> requirements = new HashMap<>();
        definition.evidence().forEach(requirement -> requirements.put(requirement.key(), requirement));
        Map<String, Upload> filesByPart = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (Upload upload : uploads) {
            if (filesByPart.put(upload.part(), upload) != null) {
                violations.add(new Violation(upload.part(), "is sent twice: each file part needs its own name"));
            }
        }
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> usedParts = new HashSet<>();
        for (int i = 0; i < artifacts.size(); i++) {
            NewArtifact artifact = artifacts.get(i);
            String field = "artifacts[" + i + "]";
            EvidenceRequirement requirement = requirements.get(artifact.requirement());
            if (requirement == null) {
                violations.add(new Violation(field + ".requirement", "names no evidence requirement of "
                        + "this credential; it asks for " + String.join(", ", requirements.keySet())));
                continue;
            }
            counts.merge(requirement.key(), 1, Integer::sum);
            int given = (artifact.url() == null ? 0 : 1) + (artifact.text() == null ? 0 : 1)
                    + (artifact.file() == null ? 0 : 1);
            if (given != 1) {
                violations.add(new Violation(field, "must have exactly one of url, text and file"));
                continue;
            }
            ArtifactKind kind = requirement.kind();
            if (artifact.url() != null) {
                if (!kind.takesLink()) {
                    violations.add(new Violation(field + ".url", "a " + kind + " is " + forms(kind)));
                } else if (!webAddress(artifact.url())) {
                    violations.add(new Violation(field + ".url", "must be an absolute http or https URL"));
                } else {
                    checked.add(new Checked(requirement.key(), artifact.url().strip(), null, null, null));
                }
            } else if (artifact.text() != null) {
                if (!kind.takesText()) {
                    violations.add(new Violation(field + ".text", "a " + kind + " is " + forms(kind)));
                } else if (artifact.text().isBlank()) {
                    violations.add(new Violation(field + ".text", "must not be blank"));
                } else {
                    checked.add(new Checked(requirement.key(), null, artifact.text().strip(), null, null));
                }
            } else {
                Upload upload = filesByPart.get(artifact.file());
                if (!kind.takesFile()) {
                    violations.add(new Violation(field + ".file", "a " + kind + " is " + forms(kind)));
                } else if (upload == null) {
                    violations.add(new Violation(field + ".file", "names no file part of this request: "
                            + artifact.file()));
                } else if (!usedParts.add(upload.part())) {
                    violations.add(new Violation(field + ".file", "is used by another artifact already"));
                } else {
                    file(field + ".file", upload, maxFileBytes, violations)
                            .ifPresent(sha -> checked.add(new Checked(requirement.key(), null, null, upload, sha)));
                }
            }
        }
        for (Upload upload : uploads) {
            boolean named = artifacts.stream().anyMatch(artifact -> upload.part().equals(artifact.file()));
            if (!usedParts.contains(upload.part()) && !named) {
                violations.add(new Violation(upload.part(), "is a file that no artifact names"));
            }
        }
        for (EvidenceRequirement requirement : definition.evidence()) {
            int count = counts.getOrDefault(requirement.key(), 0);
            boolean needed = required.contains(requirement.key());
            if (needed && count < requirement.min() || count > requirement.max()) {
                violations.add(new Violation("artifacts", requirement.key() + " needs "
                        + (requirement.min() == requirement.max() ? String.valueOf(requirement.min())
                                : requirement.min() + " to " + requirement.max())
                        + " artifact(s); the submission has " + count));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return checked;
    }

    private static Optional<String> file(String field, Upload upload, long maxFileBytes, List<Violation> violations) {
        if (upload.content().length > maxFileBytes) {
            throw new ProblemException(413, "Payload too large", field + " " + upload.fileName() + " is "
                    + upload.content().length + " bytes; a file may have at most " + maxFileBytes,
                    List.of(new Violation(field, "is larger than " + maxFileBytes + " bytes")));
        }
        if (upload.content().length == 0) {
            violations.add(new Violation(field, "is an empty file"));
            return Optional.empty();
        }
        Optional<String> type = ContentTypes.accepted(upload.declaredType());
        if (type.isEmpty()) {
            violations.add(new Violation(field, "has type " + upload.declaredType() + "; accepted are "
                    + ContentTypes.acceptedList()));
            return Optional.empty();
        }
        if (!ContentTypes.matches(type.get(), upload.content())) {
            violations.add(new Violation(field, "is declared " + type.get() + " but its content is not"));
            return Optional.empty();
        }
        return Optional.of(sha256(upload.content()));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String forms(ArtifactKind kind) {
        List<String> forms = new ArrayList<>();
        if (kind.takesLink()) {
            forms.add("url");
        }
        if (kind.takesFile()) {
            forms.add("file");
        }
        if (kind.takesText()) {
            forms.add("text");
        }
        return "given as " + String.join(" or ", forms);
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value.strip());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
