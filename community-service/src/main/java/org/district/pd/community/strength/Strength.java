package org.district.pd.community.strength;

import java.util.Arrays;
import java.util.Optional;

/** The district's taxonomy of strengths colleagues endorse: instructional and personal. */
public enum Strength {
    COLLABORATION("collaboration", "Collaboration", Category.INSTRUCTIONAL),
    ASSESSMENT_DESIGN("assessment-design", "Assessment design", Category.INSTRUCTIONAL),
    CLASSROOM_MANAGEMENT("classroom-management", "Classroom management", Category.INSTRUCTIONAL),
    CURRICULUM_DEVELOPMENT("curriculum-development", "Curriculum development", Category.INSTRUCTIONAL),
    DIFFERENTIATION("differentiation", "Differentiated instruction", Category.INSTRUCTIONAL),
    QUESTIONING("questioning", "Questioning and discussion", Category.INSTRUCTIONAL),
    DATA_USE("data-use", "Using data to adjust instruction", Category.INSTRUCTIONAL),
    TECHNOLOGY_INTEGRATION("technology-integration", "Technology integration", Category.INSTRUCTIONAL),
    FAMILY_ENGAGEMENT("family-engagement", "Family engagement", Category.INSTRUCTIONAL),
    LITERACY_ACROSS_CONTENT("literacy-across-content", "Literacy across the content areas", Category.INSTRUCTIONAL),
    FLEXIBILITY("flexibility", "Flexibility", Category.PERSONAL),
    CREATIVITY("creativity", "Creativity", Category.PERSONAL),
    SERVICE_MINDSET("service-mindset", "Service mindset", Category.PERSONAL),
    EMPATHY("empathy", "Empathy", Category.PERSONAL),
    PERSEVERANCE("perseverance", "Perseverance", Category.PERSONAL),
    REFLECTIVENESS("reflectiveness", "Reflectiveness", Category.PERSONAL),
    HUMOR("humor", "Humor", Category.PERSONAL),
    ORGANIZATION("organization", "Organization", Category.PERSONAL),
    MENTORING("mentoring", "Mentoring others", Category.PERSONAL);

    public enum Category {
        INSTRUCTIONAL, PERSONAL
    }

    public final String key;
    public final String label;
    public final Category category;

    Strength(String key, String label, Category category) {
        this.key = key;
        this.label = label;
        this.category = category;
    }

    public static Optional<Strength> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
