package org.district.pd.learning.catalog;

/** Learning Forward's Standards for Professional Learning (2022), which an offering may be aligned to. */
public enum Standard {
    EQUITY_FOUNDATIONS, CULTURE_OF_COLLABORATIVE_INQUIRY, LEADERSHIP, RESOURCES, LEARNING_DESIGNS, IMPLEMENTATION,
    CURRICULUM_ASSESSMENT_AND_INSTRUCTION, EQUITY_DRIVERS, EVIDENCE, EQUITY_PRACTICES, PROFESSIONAL_EXPERTISE
}
