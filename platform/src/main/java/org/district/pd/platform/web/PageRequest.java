package org.district.pd.platform.web;

/** Which page of a list a caller asks for: {@code page} from 0 (at most 100,000), {@code size} from 1 to 200. */
public record PageRequest(int page, int size) {

    private static final int DEFAULT_SIZE = 50;
    private static final int MAX_SIZE = 200;
    private static final int MAX_PAGE = 100_000;

    /** Reads the {@code page} and {@code size} query parameters, or throws a 400 naming the one that is wrong. */
    public static PageRequest of(String page, String size) {
        return new PageRequest(Parameters.wholeNumber("page", page, 0, 0, MAX_PAGE),
                Parameters.wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }
}
