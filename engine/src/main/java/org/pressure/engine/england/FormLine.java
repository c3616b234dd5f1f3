package org.pressure.engine.england;

import java.util.List;

/**
 * The lines of the Revenue Account budget form (RA) that a council's scenario is built from: the
 * form's own line number, and the text its column carries in the published files. The 2021-22
 * file gives each column its line number in a row above the header; the 2023-24 file gives only
 * the texts, so columns are found by them there.
 */
enum FormLine {
    EDUCATION(190, "TOTAL EDUCATION SERVICES$"),
    SURE_START(310, "Children's social care: Sure start children's centres/flying start and early years"),
    CHILDRENS_SOCIAL_CARE(330, "TOTAL CHILDREN'S SOCIAL CARE$"),
    PHYSICAL_18_64(332, "Physical support - adults (18–64)"),
    PHYSICAL_65(333, "Physical support - older people (65+)"),
    SENSORY_18_64(334, "Sensory support - adults (18–64)"),
    SENSORY_65(335, "Sensory support - older people (65+)"),
    MEMORY_18_64(336, "Support with memory and cognition - adults (18–64)"),
    MEMORY_65(337, "Support with memory and cognition - older people (65+)"),
    LEARNING_18_64(340, "Learning disability support - adults (18–64)"),
    LEARNING_65(341, "Learning disability support - older people (65+)"),
    MENTAL_18_64(344, "Mental health support - adults (18–64)"),
    MENTAL_65(345, "Mental health support - older people (65+)"),
    EARLY_INTERVENTION(355, "Information and early intervention$"),
    ADULT_SOCIAL_CARE(360, "TOTAL ADULT SOCIAL CARE$"),
    PUBLIC_HEALTH(390, "TOTAL PUBLIC HEALTH$"),
    REVENUE_EXPENDITURE(900, "REVENUE EXPENDITURE$"),
    GRANTS_INSIDE_AEF(904, "Specific and special grants inside AEF"),
    REORGANISATION_TRANSFERS(906, "Inter-authority transfers in respect of reorganisation"),
    SCHOOLS_RESERVES_USE(911, "Appropriations to(+)/ from(-) schools' reserves"),
    DSG_RESERVES_USE(913, "Appropriations to(+)/ from(-) dedicated schools grant reserves"),
    PUBLIC_HEALTH_RESERVES_USE(914, "Appropriations to(+)/ from(-) public health financial reserves"),
    EARMARKED_RESERVES_USE(915, "Appropriations to(+)/ from(-) other earmarked financial reserves"),
    UNALLOCATED_RESERVES_USE(916, "Appropriations to(+)/ from(-) unallocated financial reserves"),
    REVENUE_SUPPORT_GRANT(951, "Revenue Support Grant$"),
    POLICE_GRANT(956, "Police grant$"),
    RETAINED_RATES(970, "Retained income from Rate Retention Scheme"),
    COLLECTION_FUND(980, "Collection fund surpluses and deficits for Council Tax"),
    OTHER_INCOME(985, "Other Income$", "Other Items$"),
    COUNCIL_TAX_REQUIREMENT(990, "COUNCIL TAX REQUIREMENT"),
    EARMARKED_RESERVES(1015, "Estimated other earmarked financial reserves level at"),
    UNALLOCATED_RESERVES(1016, "Estimated unallocated financial reserves level at"),
    PFI_SMOOTHING_RESERVES(1021, "Other Earmarked Financial Reserves used for smoothing PFI"),
    THIRD_PARTY_RESERVES(1022, "Other Earmarked Financial Reserves held on behalf of third parties");

    final int line;
    /** The column header texts this line has carried: their starts, or whole texts where they end in {@code $}. */
    final List<String> texts;

    FormLine(int line, String... texts) {
        this.line = line;
        this.texts = List.of(texts);
    }

    /** The older people's (65+) lines of adult social care, and the working-age (18-64) ones. */
    static final List<FormLine> OLDER_PEOPLE = List.of(PHYSICAL_65, SENSORY_65, MEMORY_65, LEARNING_65, MENTAL_65);
    static final List<FormLine> WORKING_AGE = List.of(PHYSICAL_18_64, SENSORY_18_64, MEMORY_18_64, LEARNING_18_64,
            MENTAL_18_64);
    /** Reserve levels, each given at 1 April and at 31 March; only some returns have them. */
    static final List<FormLine> RESERVES = List.of(EARMARKED_RESERVES, UNALLOCATED_RESERVES, PFI_SMOOTHING_RESERVES,
            THIRD_PARTY_RESERVES);
    /** Planned uses in the budget year (negative: drawn) of the ring-fenced reserves: schools', DSG and public health. */
    static final List<FormLine> RING_FENCED_RESERVE_USES = List.of(SCHOOLS_RESERVES_USE, DSG_RESERVES_USE,
            PUBLIC_HEALTH_RESERVES_USE);
    /** Planned uses in the budget year (negative: drawn) of the usable reserves: other earmarked and unallocated. */
    static final List<FormLine> USABLE_RESERVE_USES = List.of(EARMARKED_RESERVES_USE, UNALLOCATED_RESERVES_USE);

    boolean isReserveLevel() {
        return RESERVES.contains(this);
    }

    /** Whether a header text is this line's: the whole text where it ends in {@code $}, else its start. */
    boolean matches(String header) {
        String h = normalise(header);
        for (String t : texts) {
            boolean whole = t.endsWith("$");
            String n = normalise(whole ? t.substring(0, t.length() - 1) : t);
            if (whole ? h.equals(n) : h.startsWith(n)) return true;
        }
        return false;
    }

    /** The text of the line, for messages. */
    String text() {
        String t = texts.get(0);
        return t.endsWith("$") ? t.substring(0, t.length() - 1) : t;
    }

    static String normalise(String s) {
        return s.replace('\u2013', '-').replace('\u2019', '\'').replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
