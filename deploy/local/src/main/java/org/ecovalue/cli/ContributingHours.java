package org.ecovalue.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.jobs.compensation.AgreementRouting;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Section;

/**
 * The hours behind a section agreement's figure, derived from {@code eco.observations.clean} (the
 * ledger entry carries the period's inputs, not its hours: docs/pipeline.md "Tracing a figure"): per
 * hour of the period (in the agreement's zone), the section's stations and the parameters whose
 * readings counted — the quality station's concentrations and the flow station's flow, QC verdict
 * {@code ok}, as the pipeline routes them ({@link AgreementRouting}).
 */
final class ContributingHours {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
    private static final long HOUR_SECONDS = 3600;

    /** hour start → station → parameter → readings that counted. */
    private final TreeMap<Instant, TreeMap<String, TreeMap<String, Integer>>> hours = new TreeMap<>();
    private final Section section;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;

    ContributingHours(Section section, Agreement agreement, String period) {
        this.section = section;
        this.zone = agreement.zone();
        this.start = agreement.period().start(period, zone);
        this.end = agreement.period().end(period, zone);
    }

    void add(Observation obs) {
        boolean quality = obs.station().equals(section.qualityStation());
        boolean flow = obs.station().equals(section.flowStation());
        if ((!quality && !flow) || obs.ts().isBefore(start) || !obs.ts().isBefore(end)) {
            return;
        }
        Instant hour = Instant.ofEpochSecond(Math.floorDiv(obs.ts().getEpochSecond(), HOUR_SECONDS) * HOUR_SECONDS);
        for (Reading r : obs.readings()) {
            boolean counted = QcVerdict.counts(r.qc()) && ((flow && "flow".equals(r.param()))
                    || (quality && AgreementRouting.isConcentration(r)));
            if (counted) {
                hours.computeIfAbsent(hour, h -> new TreeMap<>()).computeIfAbsent(obs.station(), s -> new TreeMap<>())
                        .merge(r.param(), 1, Integer::sum);
            }
        }
    }

    int hourCount() {
        return hours.size();
    }

    void print(PrintWriter out) {
        long expected = (end.getEpochSecond() - start.getEpochSecond()) / HOUR_SECONDS;
        out.printf("contributing hours (eco.observations.clean, readings with qc ok, hours in %s): %d of %d%n", zone,
                hours.size(), expected);
        for (Map.Entry<Instant, TreeMap<String, TreeMap<String, Integer>>> h : hours.entrySet()) {
            StringBuilder line = new StringBuilder("  ").append(HOUR.format(h.getKey().atZone(zone)));
            h.getValue().forEach((station, params) -> {
                line.append("  ").append(station).append(':');
                params.forEach((p, n) -> line.append(' ').append(p).append(n > 1 ? "×" + n : ""));
            });
            out.println(line);
        }
    }
}
