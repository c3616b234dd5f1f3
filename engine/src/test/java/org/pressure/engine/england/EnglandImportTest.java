package org.pressure.engine.england;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.ScenarioException;

/** The import of Revenue Account returns: one council worked by hand against its row, the layouts, and every refusal. */
class EnglandImportTest {
    static final Path DATA = Path.of("..", "data", "england");
    static final Path RA_2021 = DATA.resolve("RA_2021-22_data_by_LA.csv");
    static final Path RA_2023 = DATA.resolve("RA_2023-24_data_Part_1_manual.csv");
    static final Path POPULATION = DATA.resolve("snpp2018-agebands-upper-tier-principal.csv");

    @TempDir
    Path dir;

    static EnglandImport.Result import2021(Path out) throws IOException {
        return EnglandImport.run(new EnglandImport.Options(RA_2021, "2021-22", POPULATION, "v1", null, out, 2040));
    }

    @Test
    void every_upper_tier_council_with_a_return_is_built_and_those_without_are_named() throws IOException {
        EnglandImport.Result r = import2021(dir.resolve("england"));
        assertEquals(150, r.built().size());
        assertEquals(List.of("E06000035 The Medway Towns UA", "E06000051 Shropshire UA"),
                r.skipped().stream().map(s -> s.code() + " " + s.name()).toList());
        assertTrue(r.skipped().get(0).reason().contains("line 139"), r.skipped().get(0).reason());
        // councils reorganised since are built from their successors' projections
        assertTrue(r.built().stream().anyMatch(c -> c.code().equals("E10000006")), "Cumbria");
        List<String> index = Files.readAllLines(dir.resolve("england").resolve(CouncilIndex.FILE));
        assertEquals("code,name,class,region,file", index.get(0));
        assertEquals(151, index.size());
        assertTrue(Files.readString(dir.resolve("england/SKIPPED.csv")).contains("E06000051"));
    }

    /**
     * Hartlepool, line 35 of RA_2021-22_data_by_LA.csv, worked by hand from its row (£ thousand):
     * council tax requirement (990) 42,688; retained rates (970) -24,055; RSG (951) -7,948; grants
     * inside AEF (904) -82,423, lines 906 and 956 nil; collection fund (980) 763, other income (985)
     * 0; reserves used: schools (911) 0, DSG (913) 455, public health (914) -8, other earmarked
     * (915) -4,731, unallocated (916) 0. Adult social care (360) 37,696, of which 65+ lines
     * 8,767 + 19 + 3,436 + 1,494 + 562 = 14,278, 18-64 lines 1,709 + 0 + 0 + 9,955 + 1,599 =
     * 13,263, information and early intervention (355) 171, and 37,696 - 14,278 - 13,263 - 171 =
     * 9,984 not split by age; children's social care (330) 28,123 with children's centres (310) 5;
     * education (190) 54,648; public health (390) 9,112; revenue expenditure (900) 160,635.
     * Reserves at 1 April: unallocated (1016) 4,417, other earmarked (1015) 16,253, PFI (1021) and
     * third parties (1022) nil.
     */
    @Test
    void hartlepool_is_its_row_of_the_return() throws IOException {
        import2021(dir.resolve("england"));
        Path file = dir.resolve("england/E06000001-hartlepool-ua.yaml");
        String text = Files.readString(file);
        assertTrue(text.contains("line 990 42,688 [GV]"), "each figure names its line and column");
        CouncilResult r = Scenarios.compile(file, List.of()).run();
        double older = 14_278 + 9_984.0 * 14_278 / (14_278 + 13_263);     // 19,453.976
        double working = 13_263 + 9_984.0 * 13_263 / (14_278 + 13_263);   // 18,071.024
        // in £m to the pound, as the import writes them
        assertEquals(19.453976, first(r, "service.older_people_care.cost"), 1e-12);
        assertEquals(18.071024, first(r, "service.working_age_care.cost"), 1e-12);
        assertEquals(older / 1000, 19.453976, 0.5e-6);
        assertEquals(working / 1000, 18.071024, 0.5e-6);
        assertEquals((28_123 - 5) / 1000.0, first(r, "service.childrens_social_care.cost"), 1e-9);
        assertEquals((171 + 5) / 1000.0, first(r, "service.prevention.cost"), 1e-9);
        assertEquals((54_648 + 9_112) / 1000.0, first(r, "service.schools_and_public_health.cost"), 1e-9);
        assertEquals((160_635 - 37_696 - 28_123 - 54_648 - 9_112) / 1000.0, first(r, "service.other_services.cost"), 1e-9);
        assertEquals(42.688, first(r, "income.council_tax"), 1e-9);
        assertEquals(24.055, first(r, "income.business_rates"), 1e-9);
        assertEquals(7.948, first(r, "income.revenue_support_grant"), 1e-9);
        assertEquals(82.423, first(r, "income.grants"), 1e-9);
        assertEquals(-(763 + 0 + 0 + 455 - 8) / 1000.0, first(r, "income.one_off_items"), 1e-9);
        assertEquals(0, first(r, "income.base_year_balance"), 0);
        // spending is line 900 whole, and the base year's gap is the planned use of usable reserves
        double spend = first(r, "statutory_spend") + first(r, "discretionary_planned");
        assertEquals(160.635, spend, 1e-9);
        assertEquals(4.731, first(r, "budget_gap"), 1e-9);
        assertEquals((4_417 + 16_253) / 1000.0, r.scenario().budget().openingReserves(), 1e-9);
        assertEquals(20.67 - 4.731, first(r, "reserves"), 1e-9);
        // from the second year that use of reserves is not carried as a gap
        assertEquals(4.731 * 1.02, r.column("income.base_year_balance")[1], 1e-9);
        // drivers: Hartlepool's projection, 2021 (principal variant)
        assertEquals(18_673, first(r, "driver.pop_65_plus"), 0);
        assertEquals(2_443, first(r, "driver.pop_85_plus"), 0);
    }

    private static double first(CouncilResult r, String column) {
        return r.column(column)[0];
    }

    @Test
    void the_shipped_councils_are_a_fresh_import() throws IOException {
        Path fresh = dir.resolve("councils-2021-22");
        import2021(fresh);
        Path shipped = DATA.resolve("councils-2021-22");
        List<String> names;
        try (var s = Files.list(fresh)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (var s = Files.list(shipped)) {
            assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String n : names) {
            // the README names the folder made; the shipped one was made into data/england
            if (n.equals("README.md")) continue;
            assertEquals(Files.readString(fresh.resolve(n)), Files.readString(shipped.resolve(n)),
                    n + " differs from a fresh import: run `pressure import ra` again into data/england/councils-2021-22");
        }
    }

    @Test
    void the_2023_24_layout_imports_with_reserves_from_another_return() throws IOException {
        ScenarioException none = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                RA_2023, "2023-24", POPULATION, "v1", null, dir.resolve("a"), 2040)));
        assertTrue(none.getMessage().contains("--reserves") && none.getMessage().contains("RA_2021-22_data_by_LA.csv"),
                none.getMessage());
        assertFalse(Files.exists(dir.resolve("a")));
        EnglandImport.Result r = EnglandImport.run(new EnglandImport.Options(RA_2023, "2023-24", POPULATION, "v1", RA_2021,
                dir.resolve("b"), 2040));
        assertEquals(145, r.built().size());
        String hartlepool = Files.readString(dir.resolve("b/E06000001-hartlepool.yaml"));
        assertTrue(hartlepool.contains("council_tax: {start: 48.895,"), hartlepool);
        // reserves at 31 March 2022 from the other return: 4,417 + 11,522
        assertTrue(hartlepool.contains("opening: 15.939"), hartlepool);
        assertTrue(hartlepool.contains("time: {start: 2023, end: 2040}"));
    }

    @Test
    void a_file_of_another_layout_is_refused_and_nothing_is_written() throws IOException {
        Path rsx = dir.resolve("outturn.csv");
        Files.writeString(rsx, "title\nE-code,ONS Code,Local authority,Class,Education services\nE0701,E06000001,Hartlepool,UA,1\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                rsx, "2021-22", POPULATION, "v1", null, dir.resolve("out"), 2040)));
        assertTrue(e.getMessage().contains("outturn.csv:2:1: is a file of another layout"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void a_missing_column_is_named_by_its_form_line() throws IOException {
        Path edited = dir.resolve("ra.csv");
        List<String> lines = Files.readAllLines(RA_2021, StandardCharsets.UTF_8);
        // line 7 numbers the form's lines (row 5 of the preamble spans lines 5 and 6)
        lines.set(6, lines.get(6).replaceFirst(",990,", ",999,"));
        Files.write(edited, lines);
        ScenarioException e = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                edited, "2021-22", POPULATION, "v1", null, dir.resolve("out"), 2040)));
        assertEquals("ra.csv:8:1: no column for form line 990 (`COUNCIL TAX REQUIREMENT`) in the row of line numbers above "
                + "the header; the import needs it. Was the file edited or cut short?", e.getMessage().replace(dir + "/", ""));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void a_council_twice_is_refused_with_both_lines() throws IOException {
        Path edited = dir.resolve("ra.csv");
        List<String> lines = Files.readAllLines(RA_2021, StandardCharsets.UTF_8);
        lines.add(40, lines.get(34));   // Hartlepool's row again, as line 41
        Files.write(edited, lines);
        ScenarioException e = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                edited, "2021-22", POPULATION, "v1", null, dir.resolve("out"), 2040)));
        assertTrue(e.getMessage().contains("ra.csv:41:2: council E06000001 (Hartlepool UA) appears twice, on lines 35 and 41"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void a_population_file_without_a_council_is_refused_naming_it() throws IOException {
        Path edited = dir.resolve("pop.csv");
        List<String> kept = Files.readAllLines(POPULATION).stream().filter(l -> !l.startsWith("E06000001,"))
                .collect(Collectors.toList());
        Files.write(edited, kept);
        ScenarioException e = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                RA_2021, "2021-22", edited, "v1", null, dir.resolve("out"), 2040)));
        assertTrue(e.getMessage().contains("pop.csv: has no projection (variant v1) for E06000001 (Hartlepool UA, line 35 "
                + "of RA_2021-22_data_by_LA.csv)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void an_existing_folder_is_left_alone() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("mine.txt"), "keep");
        ScenarioException e = assertThrows(ScenarioException.class, () -> import2021(out));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("keep", Files.readString(out.resolve("mine.txt")));
    }

    @Test
    void a_financial_year_is_written_as_2021_22() {
        assertEquals(2021, EnglandImport.startYear("2021-22"));
        assertEquals(1999, EnglandImport.startYear("1999-00"));
        assertThrows(ScenarioException.class, () -> EnglandImport.startYear("2021-23"));
        assertThrows(ScenarioException.class, () -> EnglandImport.startYear("2021"));
    }

    @Test
    void an_outcome_falls_in_the_financial_year_of_its_date() {
        assertEquals(2020, Outcomes.year("2020-11-11"));
        assertEquals(2020, Outcomes.year("2021-02-01"));
        assertEquals(2018, Outcomes.year("2018-07"));
        assertEquals(2022, Outcomes.year("2022-23 decisions"));
        assertEquals(2002, Outcomes.year("2002-03"));
        assertEquals(2020, Outcomes.year("2020-12"));
        assertEquals(null, Outcomes.year("soon"));
    }

    @Test
    void one_missing_figure_among_a_council_s_others_is_refused_not_read_as_no_return() throws IOException {
        Path edited = dir.resolve("ra.csv");
        List<String> lines = Files.readAllLines(RA_2021, StandardCharsets.UTF_8);
        // Hartlepool's council tax requirement (column GV, the 204th) made a dash
        List<String> cells = new java.util.ArrayList<>(List.of(lines.get(34).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
        assertEquals("42,688", cells.get(203).replace("\"", ""));
        cells.set(203, "-");
        lines.set(34, String.join(",", cells));
        Files.write(edited, lines);
        ScenarioException e = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                edited, "2021-22", POPULATION, "v1", null, dir.resolve("out"), 2040)));
        assertTrue(e.getMessage().contains("ra.csv:35:204: council E06000001 (Hartlepool UA): `-` under form line 990"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void a_year_other_than_the_title_s_and_reserves_a_return_already_has_are_refused() {
        ScenarioException year = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                RA_2021, "2023-24", POPULATION, "v1", null, dir.resolve("a"), 2040)));
        assertTrue(year.getMessage().contains("--year 2023-24: the return's title says 2021-22"), year.getMessage());
        ScenarioException reserves = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                RA_2021, "2021-22", POPULATION, "v1", RA_2021, dir.resolve("b"), 2040)));
        assertTrue(reserves.getMessage().contains("is for a return without reserve levels"), reserves.getMessage());
        ScenarioException end = assertThrows(ScenarioException.class, () -> EnglandImport.run(new EnglandImport.Options(
                RA_2021, "2021-22", POPULATION, "v1", null, dir.resolve("c"), 2050)));
        assertTrue(end.getMessage().startsWith("--end 2050: the population projections in"), end.getMessage());
    }
}
