package org.ecovalue.simulator.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.hj212.Hj212ObservationMapper;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.PayloadEncoder;

/**
 * Recorded readings to publish again ({@code --replay FILE}): a CSV in the {@code ecovalue assess}
 * format (columns {@code station}, {@code ts}, optional {@code waterbody} / {@code land_use}, one
 * column per canonical parameter code; ts ISO-8601 with offset, epoch ms, or local
 * {@code yyyy-MM-dd HH:mm[:ss]}), or HJ 212 packets one per line (sent as they are).
 */
public final class RecordedReadings {

    private static final Set<String> NOT_PARAMETERS = Set.of("station", "ts", "waterbody", "land_use");
    private static final Set<String> NO_VALUE = Set.of("", "-", "--", "NA", "N/A", "na", "n/a");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** One message to send, at its recorded event time. */
    public record Recorded(Instant eventTime, Delivery delivery) {
    }

    private RecordedReadings() {
    }

    public static List<Recorded> read(Path file, ZoneId zone) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean hj212 = lines.stream().filter(l -> !l.isBlank()).findFirst().map(l -> l.startsWith("##")).orElse(false);
        return hj212 ? hj212(file, lines, zone) : csv(file, lines, zone);
    }

    private static List<Recorded> hj212(Path file, List<String> lines, ZoneId zone) {
        Hj212Decoder decoder = new Hj212Decoder(zone, Hj212Decoder.Mode.TOLERANT);
        List<Recorded> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Observation o = Hj212ObservationMapper.map(decoder.decode(line)).observation();
                byte[] payload = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
                out.add(new Recorded(o.ts(), new Delivery(Delivery.hj212Topic(o.station()), payload, o.station(), o.ts(),
                        o.readings().size())));
            } catch (InputRejectedException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not an HJ 212 data packet: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Recorded> csv(Path file, List<String> lines, ZoneId zone) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = split(lines.get(0));
        int station = header.indexOf("station");
        int ts = header.indexOf("ts");
        if (station < 0 || ts < 0) {
            throw new IllegalArgumentException(file + ":1: a replay CSV has the columns 'station' and 'ts' (ecovalue assess format)");
        }
        List<Integer> columns = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (NOT_PARAMETERS.contains(name)) {
                continue;
            }
            int col = c;
            Parameter p = Parameter.fromCode(name).orElseThrow(() -> new IllegalArgumentException(file + ":1: column '"
                    + name + "' is not a parameter code"));
            columns.add(col);
            params.add(p);
        }
        List<Recorded> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i));
            String id = cells.get(station).strip();
            Instant t = time(cells.get(ts).strip(), zone, file, i + 1);
            List<Reading> readings = new ArrayList<>();
            for (int k = 0; k < columns.size(); k++) {
                String cell = columns.get(k) < cells.size() ? cells.get(columns.get(k)).strip() : "";
                if (!NO_VALUE.contains(cell)) {
                    readings.add(new Reading(params.get(k).code(), Double.parseDouble(cell), params.get(k).canonicalUnit()));
                }
            }
            Observation o = new Observation(id, t, null, readings);
            out.add(new Recorded(t, new Delivery(Delivery.jsonTopic(id), PayloadEncoder.json(o), id, t, readings.size())));
        }
        return out;
    }

    static Instant time(String text, ZoneId zone, Path file, int line) {
        try {
            if (text.matches("-?\\d{9,}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
                return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(text.replace('T', ' '), LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": unreadable ts '" + text + "'");
        }
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
    }
}
