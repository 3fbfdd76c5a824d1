package org.ecovalue.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.ecovalue.schemas.assess.AssessKind;
import org.ecovalue.schemas.assess.AssessOptions;
import org.ecovalue.schemas.assess.AssessSummary;
import org.ecovalue.schemas.assess.Assessor;
import org.ecovalue.schemas.assess.OutputFormat;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.standards.air.AqiReportKind;
import org.ecovalue.schemas.standards.air.AqiStandard;
import org.ecovalue.schemas.standards.water.WaterRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecovalue assess water|air|soil [FILE|-]}: offline grading of a CSV with the pipeline's own standards code. */
@Command(name = "assess",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Grades a CSV of readings with the pipeline's own standards code.",
                "%nwater: GB 3838-2002 class (real-time rule by default: pH, DO, CODMn, NH3-N, TP; lake TP limits "
                        + "at lake/reservoir sites). air: HJ 633 AQI (2012 or 2026, chosen by each row's time). "
                        + "soil: GB 15618-2018 risk class.",
                "%nInput: a header row; columns station, ts (ISO-8601 with offset, epoch ms, or local time in --zone), "
                        + "optional waterbody (river|lake) and land_use, one column per parameter code (ph, do, nh3n, "
                        + "pm25 …); CNEMC's Chinese headers (断面名称, 监测时间, 氨氮(mg/L) …) are accepted too.",
                "%nOutput: the input columns plus class/aqi/risk, category, limiting, standard and qc.",
                "%nExit status: 0 when every row was processed, 1 when the file cannot be used "
                        + "(or, with --strict, when a row was not assessed or was flagged), 2 on bad usage.%n"},
        sortOptions = false)
public final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "water, air or soil")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", arity = "0..1", description = "CSV file, or - for standard input (default)")
    String file;

    @Option(names = "--json", description = "Write one JSON object per line instead of CSV.")
    boolean json;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
            description = "Time zone of timestamps without an offset (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--water-rule", paramLabel = "RULE", defaultValue = "REALTIME",
            description = "REALTIME (five factors, as CNEMC's real-time class) or PERIOD (21 items, for period means); "
                    + "default: ${DEFAULT-VALUE}.")
    WaterRule waterRule;

    @Option(names = "--air-report", paramLabel = "KIND", defaultValue = "HOURLY",
            description = "HOURLY (real-time) or DAILY report (default: ${DEFAULT-VALUE}).")
    AqiReportKind airReport;

    @Option(names = "--aqi-standard", paramLabel = "VERSION",
            description = "Pin the AQI standard (${COMPLETION-CANDIDATES}); default: by each row's time "
                    + "(HJ 633-2026 from 2026-03-01 Beijing time).")
    AqiStandard aqiStandard;

    @Option(names = "--strict", description = "Exit 1 when any row was not assessed or was flagged.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        AssessKind assessKind = AssessKind.parse(kind).orElseThrow(() ->
                new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "KIND must be water, air or soil, not '" + kind + "'"));
        AssessOptions options = AssessOptions.defaults().withLocalZone(zone).withWaterRule(waterRule)
                .withAirReport(airReport);
        if (aqiStandard != null) {
            options = options.withAirStandard(aqiStandard);
        }
        PrintWriter err = spec.commandLine().getErr();
        Writer out = spec.commandLine().getOut();
        AssessSummary summary;
        try (Reader in = InputSource.open(spec, file, System.in)) {
            summary = Assessor.forKind(assessKind, options).assess(in, out, json ? OutputFormat.JSON_LINES : OutputFormat.CSV);
        } catch (InputRejectedException e) {
            out.flush();
            err.println("ecovalue assess: " + e.reason().code() + ": " + e.detail());
            return EcoValueCommand.FAILED_CHECK;
        }
        out.flush();
        err.printf("assessed %d of %d rows; %d not assessed, %d flagged (%d class mismatches)%n",
                summary.assessed(), summary.rows(), summary.notAssessed(), summary.flagged(), summary.classMismatches());
        return strict && !summary.clean() ? EcoValueCommand.FAILED_CHECK : EcoValueCommand.OK;
    }
}
