package org.district.pd.community.educator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** OneRoster grade codes (PK, KG, 01..12) grouped into the bands teachers collaborate across: K-2, 3-5, 6-8, 9-12. */
public final class GradeBands {

    private GradeBands() {
    }

    public static String[] of(String[] grades) {
        Set<String> bands = new LinkedHashSet<>();
        for (String grade : grades) {
            String band = band(grade.strip().toUpperCase());
            if (band != null) {
                bands.add(band);
            }
        }
        return bands.toArray(String[]::new);
    }

    static String band(String grade) {
        if (List.of("PK", "TK", "KG").contains(grade)) {
            return "K-2";
        }
        int number;
        try {
            number = Integer.parseInt(grade);
        } catch (NumberFormatException notANumber) {
            return null;
        }
        if (number >= 1 && number <= 2) {
            return "K-2";
        }
        if (number >= 3 && number <= 5) {
            return "3-5";
        }
        if (number >= 6 && number <= 8) {
            return "6-8";
        }
        return number >= 9 && number <= 12 ? "9-12" : null;
    }
}
