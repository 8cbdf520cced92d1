package org.district.pd.credentials.definition;

/** The kinds of evidence an artifact can be, and the forms each may take. */
public enum ArtifactKind {
    LESSON_PLAN(true, true, false),
    VIDEO_LINK(true, false, false),
    STUDENT_WORK(true, true, false),
    REFLECTION(false, false, true);

    private final boolean link;
    private final boolean file;
    private final boolean text;

    ArtifactKind(boolean link, boolean file, boolean text) {
        this.link = link;
        this.file = file;
        this.text = text;
    }

    public boolean takesLink() {
        return link;
    }

    public boolean takesFile() {
        return file;
    }

    public boolean takesText() {
        return text;
    }
}
