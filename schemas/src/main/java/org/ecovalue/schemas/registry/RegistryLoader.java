package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;

/**
 * Reads registry YAML files ({@code deploy/config/*.yaml}) into a {@link Registry}, or refuses them
 * with every problem found, each naming the file and line, the item and the field.
 * <p>A file is a mapping of lists, one per {@link RegistryKind#yamlList() kind}: {@code basins},
 * {@code units}, {@code gridCells}, {@code stations}, {@code sections}, {@code priceTables},
 * {@code agreements}. Items use the field names of the records (and of their JSON on
 * {@code eco.registry}). Unlike the lenient wire mapper, unknown fields are errors here: in a
 * hand-written file they are typos ({@code flowStaion}) that would otherwise silently vanish.
 * Several files are merged (ids must stay unique across them) and checked as one registry.
 * <p>Quote all-digit ids ({@code "390121"}): YAML 1.1 reads digits with a leading 0 as an octal number.
 */
public final class RegistryLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // shares and prices as written: 0.7 + 0.3 must sum to exactly 1
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern MISSING_CREATOR_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");

    /**
     * A top-level section the registry leaves to another reader: a simulator scenario is a registry
     * plus its {@code simulation:} section, so that one file serves both (issue 4).
     */
    public static final String SIMULATION_SECTION = "simulation";

    private static final Map<RegistryKind, Set<String>> KNOWN_FIELDS = new ConcurrentHashMap<>();

    private final List<RegistryProblem> problems = new ArrayList<>();
    private final Map<String, RegistryItem> items = new LinkedHashMap<>();
    /** key → "file:line" of its first definition, for duplicate reports and to place cross-item problems. */
    private final Map<String, Origin> origins = new HashMap<>();
    private final Set<String> unreadableKeys = new HashSet<>();

    private record Origin(String file, Integer line) {
        @Override
        public String toString() {
            return file + (line == null ? "" : ":" + line);
        }
    }

    private RegistryLoader() {
    }

    /** Loads and validates; throws with all problems of all files when anything is wrong. */
    public static Registry load(Path... files) throws InvalidRegistryException {
        return load(Arrays.asList(files));
    }

    public static Registry load(List<Path> files) throws InvalidRegistryException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no registry file given");
        }
        RegistryLoader loader = new RegistryLoader();
        files.forEach(loader::readFile);
        Registry registry = Registry.of(loader.items.values());
        for (RegistryProblem p : RegistryValidator.check(registry, loader.unreadableKeys)) {
            Origin o = loader.origins.get(p.item());
            loader.problems.add(o == null ? p : p.at(o.file(), o.line()));
        }
        if (!loader.problems.isEmpty()) {
            // in reading order: by file as given, then by line
            List<String> order = files.stream().map(Path::toString).toList();
            loader.problems.sort(Comparator
                    .comparing((RegistryProblem p) -> p.file() == null ? Integer.MAX_VALUE : order.indexOf(p.file()))
                    .thenComparing(p -> p.line() == null ? 0 : p.line()));
            throw new InvalidRegistryException(loader.problems);
        }
        return registry;
    }

    private void readFile(Path path) {
        String file = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(new RegistryProblem(file, null, "-", "-", "cannot read the file: " + e));
            return;
        }
        JsonNode root;
        Map<String, List<Integer>> lines;
        try {
            root = YAML.readTree(bytes);
            lines = itemLines(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new RegistryProblem(file, loc == null ? null : loc.getLineNr(), "-", "-",
                    "not valid YAML: " + oneLine(e.getOriginalMessage())));
            return;
        } catch (IOException e) {
            problems.add(new RegistryProblem(file, null, "-", "-", "cannot read the file: " + e));
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(new RegistryProblem(file, null, "-", "-", "the file is empty"));
            return;
        }
        if (!root.isObject()) {
            problems.add(new RegistryProblem(file, 1, "-", "-", "a registry file is a mapping of lists ("
                    + knownLists() + ")"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> list = it.next();
            if (SIMULATION_SECTION.equals(list.getKey())) {
                continue;
            }
            RegistryKind kind = RegistryKind.ofYamlList(list.getKey());
            if (kind == null) {
                problems.add(new RegistryProblem(file, null, "-", list.getKey(), "unknown list; a registry file has "
                        + knownLists()));
                continue;
            }
            if (list.getValue().isNull()) {
                continue;
            }
            if (!list.getValue().isArray()) {
                problems.add(new RegistryProblem(file, null, "-", list.getKey(), "must be a list of " + kind.code() + " items"));
                continue;
            }
            List<Integer> itemLines = lines.getOrDefault(list.getKey(), List.of());
            for (int i = 0; i < list.getValue().size(); i++) {
                Integer line = i < itemLines.size() ? itemLines.get(i) : null;
                readItem(new Origin(file, line), kind, i, list.getValue().get(i));
            }
        }
    }

    private void readItem(Origin origin, RegistryKind kind, int index, JsonNode node) {
        JsonNode idNode = node.get("id");
        boolean hasId = idNode != null && idNode.isValueNode() && !idNode.asText().isBlank();
        String label = hasId ? kind.key(idNode.asText()) : kind.yamlList() + "[" + index + "]";
        if (!node.isObject()) {
            problems.add(new RegistryProblem(origin.file(), origin.line(), label, "-", "an item is a mapping of fields"));
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Set<String> known = knownFields(kind);
            if (!known.contains(name)) {
                // reported here as well as by binding: a misspelt required field would otherwise
                // show up only as "required" without a word about the typo
                problems.add(new RegistryProblem(origin.file(), origin.line(), label, name, "unknown field (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
        RegistryItem item;
        try {
            item = YAML.treeToValue(node, kind.type());
        } catch (UnrecognizedPropertyException e) {
            if (e.getPath().size() > 1) {
                String[] fieldAndMessage = explain(e);
                problems.add(new RegistryProblem(origin.file(), origin.line(), label, fieldAndMessage[0], fieldAndMessage[1]));
            }
            markUnreadable(origin, label, hasId);
            return;
        } catch (JsonProcessingException e) {
            String[] fieldAndMessage = explain(e);
            problems.add(new RegistryProblem(origin.file(), origin.line(), label, fieldAndMessage[0], fieldAndMessage[1]));
            markUnreadable(origin, label, hasId);
            return;
        }
        Origin first = origins.putIfAbsent(item.key(), origin);
        if (first != null) {
            problems.add(new RegistryProblem(origin.file(), origin.line(), item.key(), "id",
                    "duplicate " + kind.code() + " id '" + item.id() + "', first defined at " + first));
            return;
        }
        items.put(item.key(), item);
    }

    private void markUnreadable(Origin origin, String key, boolean hasId) {
        if (hasId) {
            unreadableKeys.add(key);
            origins.putIfAbsent(key, origin);
        }
    }

    private static Set<String> knownFields(RegistryKind kind) {
        return KNOWN_FIELDS.computeIfAbsent(kind, k -> {
            JavaType type = YAML.constructType(k.type());
            return YAML.getDeserializationConfig().introspect(type).findProperties().stream()
                    .map(BeanPropertyDefinition::getName)
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    /** Field path and message of a binding failure, in the words of the record that refused it. */
    static String[] explain(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m) : "";
        InvalidFieldException invalid = cause(e, InvalidFieldException.class);
        if (invalid != null) {
            return new String[] {join(path, invalid.field()), invalid.problem()};
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new String[] {path, "unknown field (known: " + known + ")"};
        }
        if (e instanceof InvalidTypeIdException t) {
            String field = join(path, "name");
            return t.getTypeId() == null
                    ? new String[] {field, "is required (" + CompensationScheme.NAMES + ")"}
                    : new String[] {field, "unknown scheme '" + t.getTypeId() + "' (" + CompensationScheme.NAMES + ")"};
        }
        Matcher missing = MISSING_CREATOR_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof MismatchedInputException && missing.find()) {
            String name = missing.group(1);
            boolean pathNamesIt = path.equals(name) || path.endsWith("." + name);
            return new String[] {pathNamesIt ? path : join(path, name), "is required"};
        }
        IllegalArgumentException illegal = cause(e, IllegalArgumentException.class);
        if (illegal != null && illegal.getMessage() != null) {
            return new String[] {orDash(path), firstLine(illegal.getMessage())};
        }
        return new String[] {orDash(path), firstLine(e.getOriginalMessage())};
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String orDash(String path) {
        return path.isEmpty() ? "-" : path;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The line of each item of each top-level list, so that problems can point into the file. */
    private static Map<String, List<Integer>> itemLines(byte[] bytes) throws IOException {
        Map<String, List<Integer>> lines = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(bytes)) {
            int depth = 0;
            String list = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (depth == 2 && list != null) {
                            lines.computeIfAbsent(list, k -> new ArrayList<>()).add(p.currentTokenLocation().getLineNr());
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            list = p.currentName();
                        }
                    }
                    default -> {
                        if (depth == 2 && list != null) {
                            // a scalar list item: keep indexes aligned
                            lines.computeIfAbsent(list, k -> new ArrayList<>()).add(p.currentTokenLocation().getLineNr());
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static String knownLists() {
        return Arrays.stream(RegistryKind.values()).map(RegistryKind::yamlList).collect(Collectors.joining(", "));
    }

    /** A parser message on one line: SnakeYAML spreads the useful part ("expected ',' or '}'") over several. */
    private static String oneLine(String s) {
        String flat = s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
