package org.ecovalue.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryLoaderTest {

    private static final Path DIR = Path.of("src", "test", "resources", "registry");

    private static List<RegistryProblem> problemsOf(String... files) {
        Path[] paths = new Path[files.length];
        for (int i = 0; i < files.length; i++) {
            paths[i] = DIR.resolve(files[i]);
        }
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class, () -> RegistryLoader.load(paths));
        assertThat(e).as("loading %s should fail", List.of(files)).isNotNull();
        return e.problems();
    }

    @Test
    void theMinimalRegistryIsConsistent() throws Exception {
        Registry r = RegistryLoader.load(DIR.resolve("minimal.yaml"));

        assertThat(r.size()).isEqualTo(1 + 4 + 1 + 2 + 1 + 1 + 1);
        assertThat(r.sectionOfStation("SL01")).map(Section::id).contains("S1");
    }

    @Test
    void aRightsHolderIsTheCellsOwnElseTheNearestUnitAboveThatNamesOne() throws Exception {
        Registry r = RegistryLoader.load(DIR.resolve("rights-and-runoff.yaml"));

        assertThat(r.rightsHolderOf("G1")).contains("上游县国有林场");     // its own
        assertThat(r.rightsHolderOf("G2")).contains("上游县人民政府");     // its county's
        assertThat(r.rightsHolderOf("390122")).contains("省人民政府");     // county, city without one, province
        assertThat(r.rightsHolderOf("b1")).isEmpty();                      // a basin has none
        assertThat(r.gridCell("G1").orElseThrow().runoffCoefficient()).isEqualTo(0.05);
        assertThat(r.gridCell("G2").orElseThrow().runoffCoefficient()).isNull();
    }

    @Test
    void aRunoffCoefficientAboveOneIsRefusedOnItsField() {
        assertThat(problemsOf("broken-runoff-coefficient.yaml")).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("runoffCoefficient"));
    }

    @Test
    void aSimulationSectionIsLeftToTheSimulatorAndTheRegistryIsTheSameAsWithoutIt() throws Exception {
        Registry plain = RegistryLoader.load(DIR.resolve("minimal.yaml"));
        Registry scenario = RegistryLoader.load(DIR.resolve("with-simulation-section.yaml"));

        assertThat(scenario).isEqualTo(plain);
    }

    @Test
    void anyOtherUnknownTopLevelKeyIsStillRefused() {
        assertThat(problemsOf("broken-unknown-list.yaml")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("unknown list"));
    }

    /**
     * Each broken file is minimal.yaml with one mistake; the loader reports exactly that mistake,
     * naming the file and line, the item and the field.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken-duplicate-station.yaml              | 13 | station/SW01     | id                     | duplicate station id 'SW01', first defined at
            broken-station-unknown-grid-cell.yaml      | 12 | station/SW01     | gridCell               | unknown grid cell 'G9'
            broken-section-unknown-station.yaml        | 15 | section/S1       | qualityStation         | unknown station 'SW99'
            broken-section-unknown-unit.yaml           | 15 | section/S1       | downstreamUnit         | unknown unit '390129'
            broken-agreement-unknown-section.yaml      | 23 | agreement/A1     | section                | unknown section 'S2'
            broken-agreement-unknown-party.yaml        | 23 | agreement/A1     | downstreamParty        | unknown unit '390199'
            broken-unit-unknown-parent.yaml            |  8 | unit/390122      | parent                 | unknown unit '390200'
            broken-section-without-flow-station.yaml   | 15 | section/S1       | flowStation            | a cross-boundary section needs a flow station
            broken-flow-station-not-flow.yaml          | 15 | section/S1       | flowStation            | station 'SL01' is a water station, not a flow station
            broken-payer-shares.yaml                   | 23 | agreement/A1     | payerShares            | shares sum to 0.99, not 1
            broken-unknown-scheme.yaml                 | 23 | agreement/A1     | scheme.name            | unknown scheme 'fluxx' (flux|p-index|class-step|tiered-exceedance|service-value-share)
            broken-missing-scheme-parameter.yaml       | 23 | agreement/A1     | scheme.k0              | is required
            broken-effective-dates-reversed.yaml       | 23 | agreement/A1     | effectiveTo            | 2025-12-31 is before effectiveFrom 2026-01-01
            broken-target-class.yaml                   | 15 | section/S1       | targetClass            | unknown water class 'VI'
            broken-target-class-worse-than-v.yaml      | 15 | section/S1       | targetClass            | a target class is I, II, III, IV or V, not 劣V
            broken-unknown-factor-parameter.yaml       | 23 | agreement/A1     | scheme.factors[1].param | unknown parameter code 'nh4n'
            """)
    void aBrokenFileIsRefusedWithFileLineItemAndField(String file, int line, String item, String field, String message) {
        List<RegistryProblem> problems = problemsOf(file);

        assertThat(problems).hasSize(1);
        RegistryProblem p = problems.get(0);
        assertThat(p.file()).endsWith(file);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.item()).isEqualTo(item);
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.message()).contains(message);
        assertThat(p.toString()).startsWith(DIR.resolve(file) + ":" + line + ": " + item + ": " + field + ": ");
    }

    @Test
    void aStationNamingAnUnknownSectionIsReportedOnTheStationAndOnTheSectionThatUsesIt() {
        List<RegistryProblem> problems = problemsOf("broken-station-unknown-section.yaml");

        assertThat(problems).extracting(RegistryProblem::toString).containsExactly(
                DIR.resolve("broken-station-unknown-section.yaml") + ":13: station/SL01: section: unknown section 'S7'",
                DIR.resolve("broken-station-unknown-section.yaml")
                        + ":15: section/S1: flowStation: station 'SL01' says it belongs to section 'S7'");
    }

    @Test
    void aMisspeltFieldIsNamedAsUnknownAndTheFieldItShouldHaveBeenAsMissing() {
        List<RegistryProblem> problems = problemsOf("broken-typo-field.yaml");

        assertThat(problems).extracting(RegistryProblem::field).containsExactly("flowStaion", "flowStation");
        assertThat(problems.get(0).message()).startsWith("unknown field (known: basin, downstreamUnit, flowStation,");
    }

    @Test
    void everyProblemOfAFileIsListedNotOnlyTheFirst() {
        List<RegistryProblem> problems = problemsOf("broken-many.yaml");

        assertThat(problems).extracting(p -> p.item() + " " + p.field()).containsExactly(
                "unit/390121 parent",
                "grid-cell/G1 areaKm2",
                "grid-cell/G2 unit",
                "station/AQ01 gridCell",
                "station/AQ02 lat");
        assertThat(problems.get(1).message()).isEqualTo("must be positive, got -4.0");
        assertThat(problems.get(4).message()).isEqualTo("must be in [-90.0, 90.0], got 129.7");
    }

    @Test
    void idsMustBeUniqueAcrossFiles() {
        List<RegistryProblem> problems = problemsOf("minimal.yaml", "other-file-duplicate.yaml");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).isEqualTo(DIR.resolve("other-file-duplicate.yaml")
                + ":3: grid-cell/G1: id: duplicate grid-cell id 'G1', first defined at "
                + DIR.resolve("minimal.yaml") + ":11");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() {
        List<RegistryProblem> problems = problemsOf("broken-yaml-syntax.yaml");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).endsWith("broken-yaml-syntax.yaml");
        assertThat(problems.get(0).line()).isEqualTo(11);
        assertThat(problems.get(0).message()).startsWith("not valid YAML: ").contains("expected ',' or '}'");
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        List<RegistryProblem> problems = problemsOf("no-such-file.yaml");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("no-such-file.yaml");
            assertThat(p.message()).startsWith("cannot read the file");
        });
    }

    @Test
    void theExceptionMessageListsEveryProblemOnItsOwnLine() {
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> RegistryLoader.load(DIR.resolve("broken-many.yaml")));

        assertThat(e.getMessage()).startsWith("invalid registry, 5 problems:\n  ");
        assertThat(e.getMessage().lines()).hasSize(6);
    }
}
