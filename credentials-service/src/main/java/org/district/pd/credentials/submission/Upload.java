package org.district.pd.credentials.submission;

/** A file sent with a submission: the multipart part's name, the file's name and declared type, and its bytes. */
public record Upload(String part, String fileName, String declaredType, byte[] content) {
}
