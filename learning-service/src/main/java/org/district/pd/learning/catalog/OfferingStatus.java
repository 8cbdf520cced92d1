package org.district.pd.learning.catalog;

/** An offering is written as a draft, published for educators to find, and retired when it is no longer offered. */
public enum OfferingStatus {
    DRAFT, PUBLISHED, RETIRED
}
