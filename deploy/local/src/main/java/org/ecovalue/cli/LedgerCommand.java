package org.ecovalue.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.ledger.ChainBreak;
import org.ecovalue.schemas.ledger.ChainVerification;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.InvalidRegistryException;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.topics.EcoTopic;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecovalue ledger verify|explain}: check and trace the compensation ledger (eco.compensation). */
@Command(name = "ledger",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The compensation ledger (eco.compensation): verify its hash chain, explain a figure.",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.Explain.class})
public final class LedgerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (verify, explain)");
    }

    /** Where the entries come from: a file / standard input, or the topic. */
    static final class From {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
                description = "JSON lines of ledger entries (as on eco.compensation); - or none: standard input.")
        String file;

        @Option(names = "--topic", description = "Read eco.compensation from its beginning (read_committed) instead.")
        boolean topic;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                defaultValue = "${env:ECOVALUE_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka brokers for --topic (env ECOVALUE_KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
        String bootstrapServers;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
                converter = DurationConverter.class,
                description = "How long reading the topic may take (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        List<LedgerEntries.Line> read(CommandSpec spec) throws Exception {
            if (topic) {
                return LedgerEntries.fromTopic(bootstrapServers, timeout);
            }
            return LedgerEntries.fromReader(LedgerEntries.open(spec, file, System.in), file == null ? "-" : file);
        }
    }

    @Command(name = "verify",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                    "Recomputes the SHA-256 hash chain of every agreement's FINAL and CORRECTION entries",
                    "(hash = SHA-256(canonical JSON without hash || prevHash)) and names the first broken entry.",
                    "Exit status 0 when intact, 1 at the first break (or an unreadable line), 2 on bad usage."},
            sortOptions = false)
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = false, multiplicity = "1")
        From from = new From();

        @Override
        public Integer call() throws Exception {
            List<LedgerEntries.Line> lines = from.read(spec);
            PrintWriter out = spec.commandLine().getOut();
            List<LedgerEntry> entries = new ArrayList<>();
            for (LedgerEntries.Line line : lines) {
                if (line.problem() != null) {
                    out.printf("BROKEN at %s: %s%n", line.where(), line.problem());
                    return EcoValueCommand.FAILED_CHECK;
                }
                entries.add(line.entry());
            }
            ChainVerification v = LedgerHashChain.verify(entries);
            if (v.intact()) {
                out.printf("intact: %d entries, %d chained (FINAL/CORRECTION)%n", entries.size(), v.chainedEntries());
                return EcoValueCommand.OK;
            }
            ChainBreak b = v.firstBreak();
            out.printf("BROKEN at %s: agreement %s period %s revision %d: %s%n", lines.get(b.index()).where(),
                    b.agreementId(), b.period(), b.revision(), b.problem());
            return EcoValueCommand.FAILED_CHECK;
        }
    }

    @Command(name = "explain",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                    "Shows how a settled figure came about: the FINAL entry of AGREEMENT for PERIOD and its",
                    "CORRECTIONs, with their inputs (period means, volume, valid hours, completeness, class,",
                    "index), who pays whom, the explanation and the chain; with --registry also the section's",
                    "contributing stations and, from eco.observations.clean (or --observations FILE), every hour",
                    "of the period with the stations and parameters whose readings counted.",
                    "Exit status 1 when the period has no FINAL entry."},
            sortOptions = false)
    static final class Explain implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "AGREEMENT", description = "Agreement id.")
        String agreement;

        @Parameters(index = "1", paramLabel = "PERIOD", description = "Period label: 2026-04 (month) or 2026 (year).")
        String period;

        @Option(names = "--file", paramLabel = "FILE", description = "Read JSON lines from FILE instead of the topic.")
        Path file;

        @Option(names = "--registry", paramLabel = "FILE", split = ",",
                description = "Registry YAML file(s): name the section's quality and flow stations.")
        List<Path> registryFiles;

        @Option(names = "--observations", paramLabel = "FILE",
                description = "With --registry: clean observations as JSON lines (as on eco.observations.clean)"
                        + " instead of reading that topic.")
        Path observationsFile;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                defaultValue = "${env:ECOVALUE_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka brokers (env ECOVALUE_KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
        String bootstrapServers;

        @Override
        public Integer call() throws Exception {
            From from = new From();
            from.topic = file == null;
            from.file = file == null ? null : file.toString();
            from.bootstrapServers = bootstrapServers;
            from.timeout = Duration.ofSeconds(30);
            PrintWriter out = spec.commandLine().getOut();
            List<LedgerEntry> settled = from.read(spec).stream().filter(l -> l.entry() != null).map(LedgerEntries.Line::entry)
                    .filter(e -> e.agreementId().equals(agreement) && e.period().equals(period))
                    .filter(e -> e.status().isChained()).toList();
            if (settled.stream().noneMatch(e -> e.status() == LedgerStatus.FINAL)) {
                out.printf("no FINAL entry for agreement %s period %s%n", agreement, period);
                return EcoValueCommand.FAILED_CHECK;
            }
            for (LedgerEntry e : settled) {
                out.printf("%s revision %d (computed at event time %s, watermark %s)%n", e.status(), e.revision(),
                        Instant.ofEpochMilli(e.computedAt()), Instant.ofEpochMilli(e.watermark()));
                out.printf("  section %s, scheme %s: %s pays %s CNY %s%n", e.sectionId(), e.scheme(), e.payer(), e.payee(),
                        e.amountCny().toPlainString());
                e.inputs().meansMgL().forEach((p, m) -> out.printf("  mean %s = %s mg/L%n", p, m.toPlainString()));
                out.printf("  volume %s m3, valid hours %s, completeness %s, class %s, index %s%n",
                        e.inputs().volumeM3() == null ? "-" : e.inputs().volumeM3().toPlainString(),
                        e.inputs().validHours() == null ? "-" : e.inputs().validHours(),
                        e.inputs().completeness().toPlainString(),
                        e.inputs().waterClass() == null ? "-" : e.inputs().waterClass(),
                        e.inputs().index() == null ? "-" : e.inputs().index().toPlainString());
                out.printf("  %s%n", e.explanation());
                out.printf("  prevHash %s%n  hash     %s%n", e.prevHash(), e.hash());
            }
            if (registryFiles != null) {
                try {
                    Registry r = RegistryLoader.load(registryFiles);
                    Agreement a = r.agreement(agreement).orElse(null);
                    Section s = a == null ? null : r.section(a.section()).orElse(null);
                    if (s != null) {
                        out.printf("contributing stations: quality %s, flow %s (hours of the period in %s)%n",
                                s.qualityStation(), s.flowStation() == null ? "-" : s.flowStation(), a.zone());
                        ContributingHours hours = new ContributingHours(s, a, period);
                        int unreadable = readObservations(hours);
                        hours.print(out);
                        if (unreadable > 0) {
                            out.printf("(%d observation lines could not be read and are not listed)%n", unreadable);
                        }
                    } else if (a != null) {
                        out.printf("settles on the inventory values of %s (eco.inventory, InfluxDB measurement"
                                + " inventory), not on a section's hours%n", a.upstreamParty());
                    }
                } catch (InvalidRegistryException ex) {
                    spec.commandLine().getErr().println(ex.getMessage());
                    return EcoValueCommand.BAD_USAGE;
                }
            }
            return EcoValueCommand.OK;
        }

        /** Feeds every clean observation to {@code hours}; returns how many could not be decoded. */
        private int readObservations(ContributingHours hours) throws Exception {
            List<Observation> read = new ArrayList<>();
            int[] unreadable = {0};
            BiFunction<byte[], String, Observation> decode = (bytes, where) -> {
                try {
                    return ObservationCodec.decode(bytes);
                } catch (InputRejectedException | RuntimeException e) {
                    unreadable[0]++;
                    return null;
                }
            };
            if (observationsFile != null) {
                for (String line : Files.readAllLines(observationsFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        read.add(decode.apply(line.getBytes(StandardCharsets.UTF_8), observationsFile.toString()));
                    }
                }
            } else {
                read.addAll(TopicReader.readAll(bootstrapServers, EcoTopic.OBSERVATIONS_CLEAN.topic(),
                        Duration.ofSeconds(30), decode));
            }
            read.stream().filter(java.util.Objects::nonNull).forEach(hours::add);
            return unreadable[0];
        }
    }
}
