package io.muster.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Malformed requests generated from a service's OpenAPI document: for every operation, every parameter and every
 * field of the request body (nested objects and array items included), one request per class of bad value the
 * field's schema admits, plus whole-body damage (broken JSON, deep nesting, wrong content type).
 *
 * <p>A generated request must not change anything, so that the suite's other tests see the data they expect: a body
 * keeps every field but one required field other than the mutated one (bean validation then refuses it after the
 * mutated value has been read and checked), or, when there is no such field, ends with an unknown field (the
 * binder refuses it after reading the mutated value); path ids name nothing. A parameter value that must be
 * refused travels with a complete body, since parameters are converted only once the body has been read. Values that must be refused whatever
 * the rest of the request holds (NUL, unpaired surrogates, duplicate keys, wrong types, numbers out of range,
 * non-canonical UUIDs, bad dates, oversized arrays) are marked {@link Probe#mustRefuse}.
 */
final class BadInputCorpus {

    static final String NO_ID = "00000000-0000-4000-8000-00000000beef";
    /** Stands in for an unpaired surrogate until the body is text: JSON writers refuse to write one. */
    private static final String SURROGATE = "@@lone-surrogate@@";
    private static final String DUPLICATE = "@@duplicate@@";
    private static final String SENTINEL = "zzNotAFieldOfThisRequest";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One generated request. {@code field} is the body path or parameter the bad value sits in. */
    record Probe(Suite.Operation op, String valueClass, String field, boolean mustRefuse, String method,
            String pathAndQuery, Map<String, String> headers, String contentType, String body) {
        @Override
        public String toString() {
            return op + " " + field + " [" + valueClass + "]";
        }
    }

    /** A bad value: the JSON node to put in place, the text to put in a parameter, or both. */
    private record Bad(String valueClass, JsonNode json, String param, boolean mustRefuse) {
    }

    /** A place in the base body with the schema that describes it. */
    private record Slot(List<Object> steps, JsonNode schema) {
        String path() {
            StringBuilder out = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer i) {
                    out.append('[').append(i).append(']');
                } else {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(step);
                }
            }
            return out.toString();
        }
    }

    private final JsonNode openApi;
    private final List<Probe> probes = new ArrayList<>();

    private BadInputCorpus(JsonNode openApi) {
        this.openApi = openApi;
    }

    static List<Probe> generate(JsonNode openApi, List<Suite.Operation> operations) {
        BadInputCorpus corpus = new BadInputCorpus(openApi);
        for (Suite.Operation op : operations) {
            corpus.operation(op);
        }
        return corpus.probes;
    }

    // ---- operations ---------------------------------------------------------------------------------------------

    private void operation(Suite.Operation op) {
        List<JsonNode> parameters = new ArrayList<>();
        openApi.path("paths").path(op.path()).path("parameters").forEach(parameters::add);
        op.spec().path("parameters").forEach(parameters::add);
        parameters.replaceAll(this::resolve);

        JsonNode content = op.spec().path("requestBody").path("content");
        JsonNode jsonSchema = content.has("application/json") ? resolve(content.path("application/json").path("schema"))
                : null;
        String textType = null;
        for (Iterator<String> types = content.fieldNames(); types.hasNext();) {
            String type = types.next();
            if (type.startsWith("text/")) {
                textType = type;
            }
        }

        List<Slot> slots = new ArrayList<>();
        JsonNode base = jsonSchema == null ? null : valueFor(jsonSchema, new ArrayList<>(), slots, 0, new HashSet<>());
        String baseBody = base == null ? null : neutralised(base, jsonSchema, null);
        // A parameter that must be refused is converted after the body is read: the body must not fail first.
        String validBody = base == null ? null : base.toString();
        String bodyType = base == null ? null : "application/json";
        if (base == null && textType != null) {
            baseBody = "";
            bodyType = textType;
        }

        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            if (!List.of("path", "query", "header").contains(in)) {
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            for (Bad bad : badValues(schema, true)) {
                if (bad.param() == null || (in.equals("header") && !printableAscii(bad.param()))) {
                    continue;
                }
                add(op, bad.valueClass(), parameter.path("name").asText(), bad.mustRefuse(),
                        target(op, parameters, parameter, bad.param()), bodyType,
                        bad.mustRefuse() && validBody != null ? validBody : baseBody,
                        in.equals("header") ? parameter.path("name").asText() : null, bad.param());
            }
        }

        if (base != null) {
            for (Slot slot : slots) {
                for (Bad bad : badValues(slot.schema(), false)) {
                    if (bad.json() == null) {
                        continue;
                    }
                    JsonNode mutated = base.deepCopy();
                    put(mutated, slot.steps(), bad.json());
                    add(op, bad.valueClass(), slot.path(), bad.mustRefuse(), target(op, parameters, null, null),
                            bodyType, finish(neutralised(mutated, jsonSchema, slot.steps().get(0))), null, null);
                }
                JsonNode at = get(base, slot.steps());
                if (at != null && at.isObject() && at.size() > 0) {
                    String key = at.fieldNames().next();
                    JsonNode mutated = base.deepCopy();
                    ObjectNode object = (ObjectNode) get(mutated, slot.steps());
                    duplicateFirst(object, key);
                    add(op, "duplicate key", slot.path() + "." + key, true, target(op, parameters, null, null),
                            bodyType, finish(neutralised(mutated, jsonSchema, slot.steps().get(0))), null, null);
                }
            }
            if (base.isObject() && base.size() > 0) {
                ObjectNode mutated = base.deepCopy();
                String key = mutated.fieldNames().next();
                duplicateFirst(mutated, key);
                add(op, "duplicate key", key, true, target(op, parameters, null, null), bodyType,
                        finish(neutralised(mutated, jsonSchema, key)), null, null);
            }
        }
        if (base != null || textType != null) {
            String path = target(op, parameters, null, null);
            String type = base != null ? "application/json" : textType;
            Map<String, String> damaged = new LinkedHashMap<>();
            damaged.put("broken JSON", "{\"a\": ");
            damaged.put("empty body", "");
            damaged.put("JSON null", "null");
            damaged.put("bare number", "42");
            damaged.put("bare string", "\"hello\"");
            damaged.put("array instead of object", "[1,2]");
            damaged.put("trailing garbage", "{} x");
            damaged.put("nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000));
            damaged.put("objects nested 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
            damaged.put("NUL in text", "a\u0000b");
            damaged.put("100k characters", "x".repeat(100_000));
            for (Map.Entry<String, String> d : damaged.entrySet()) {
                add(op, d.getKey(), "body", false, path, type, d.getValue(), null, null);
            }
            add(op, "wrong content type", "body", false, path, "text/plain", "title=x", null, null);
            add(op, "content type with a bad charset", "body", false, path, type + ";charset=klingon", "{}", null,
                    null);
        }
    }

    private void add(Suite.Operation op, String valueClass, String field, boolean mustRefuse, String pathAndQuery,
            String contentType, String body, String header, String headerValue) {
        probes.add(new Probe(op, valueClass, field, mustRefuse, op.method(), pathAndQuery,
                header == null ? Map.of() : Map.of(header, headerValue), contentType, body));
    }

    /** Request bodies as sent: the stand-ins for what a JSON writer cannot write are replaced. */
    private static String finish(String json) {
        return json.replace("\"" + SURROGATE + "\"", "\"x\\ud800y\"")
                .replace(",\"" + DUPLICATE, ",\"").replace("{\"" + DUPLICATE, "{\"");
    }

    private static void duplicateFirst(ObjectNode object, String key) {
        // A second entry under a marked name becomes the same key once the body is text.
        object.set(DUPLICATE + key, object.get(key).deepCopy());
    }

    /**
     * The body as text, changed so that the service refuses it after reading the mutated field: without one
     * required field other than {@code keep}, or with an unknown field last.
     */
    private String neutralised(JsonNode body, JsonNode schema, Object keep) {
        if (!body.isObject()) {
            return body.toString();
        }
        ObjectNode copy = body.deepCopy();
        for (JsonNode required : merged(schema).path("required")) {
            String name = required.asText();
            if (!name.equals(keep) && copy.has(name)) {
                copy.remove(name);
                return copy.toString();
            }
        }
        copy.put(SENTINEL, 1);
        return copy.toString();
    }

    /** The path with its parameters filled in: {@code mutated} gets {@code value}, the others name nothing. */
    private String target(Suite.Operation op, List<JsonNode> parameters, JsonNode mutated, String value) {
        String path = op.path();
        List<String> query = new ArrayList<>();
        boolean writes = !op.method().equals("GET");
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            boolean isMutated = p == mutated;
            if (in.equals("path")) {
                String v = isMutated ? value : baseParam(resolve(p.path("schema")), writes);
                path = path.replace("{" + name + "}", encode(v));
            } else if (in.equals("query") && (isMutated || p.path("required").asBoolean(false))) {
                query.add(name + "=" + encode(isMutated ? value : baseParam(resolve(p.path("schema")), writes)));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static String baseParam(JsonNode schema, boolean writes) {
        String type = typeOf(schema);
        if (schema.has("enum")) {
            // A write to an enum-named resource (a severity) must not reach a real one.
            return writes ? "NO_SUCH_VALUE" : schema.path("enum").get(0).asText();
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return NO_ID;
        }
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "no-such-thing";
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean printableAscii(String text) {
        return text.length() < 4_000 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    // ---- schemas -------------------------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        for (int i = 0; i < 20 && at.has("$ref"); i++) {
            String ref = at.get("$ref").asText();
            JsonNode target = openApi;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            at = target;
        }
        return at;
    }

    /** The schema with {@code allOf} parts folded in and the first non-null {@code anyOf}/{@code oneOf}. */
    private JsonNode merged(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("allOf")) {
            ObjectNode out = s.deepCopy();
            out.remove("allOf");
            for (JsonNode part : s.get("allOf")) {
                JsonNode p = merged(part);
                p.fields().forEachRemaining(e -> {
                    if (e.getValue().isObject() && out.path(e.getKey()).isObject()) {
                        ((ObjectNode) out.get(e.getKey())).setAll((ObjectNode) e.getValue());
                    } else if (!out.has(e.getKey())) {
                        out.set(e.getKey(), e.getValue());
                    }
                });
            }
            return out;
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (s.has(choice)) {
                for (JsonNode option : s.get(choice)) {
                    if (!"null".equals(typeOf(resolve(option)))) {
                        return merged(option);
                    }
                }
            }
        }
        return s;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "any";
    }

    /** A plausible value for {@code schema}, recording every place below it in {@code slots}. */
    private JsonNode valueFor(JsonNode raw, List<Object> steps, List<Slot> slots, int depth, Set<JsonNode> seen) {
        JsonNode schema = merged(raw);
        if (!steps.isEmpty()) {
            slots.add(new Slot(List.copyOf(steps), schema));
        }
        if (depth > 5 || !seen.add(schema)) {
            return NODES.nullNode();
        }
        try {
            if (schema.has("example") && !schema.get("example").isContainerNode()) {
                return schema.get("example");
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            switch (typeOf(schema)) {
                case "object" -> {
                    ObjectNode out = NODES.objectNode();
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> property = it.next();
                        if (property.getValue().path("readOnly").asBoolean(false)) {
                            continue;
                        }
                        steps.add(property.getKey());
                        out.set(property.getKey(), valueFor(property.getValue(), steps, slots, depth + 1, seen));
                        steps.remove(steps.size() - 1);
                    }
                    if (!schema.has("properties") && schema.path("additionalProperties").isObject()) {
                        steps.add("key");
                        out.set("key", valueFor(schema.get("additionalProperties"), steps, slots, depth + 1, seen));
                        steps.remove(steps.size() - 1);
                    }
                    return out;
                }
                case "array" -> {
                    ArrayNode out = NODES.arrayNode();
                    steps.add(0);
                    out.add(valueFor(schema.path("items"), steps, slots, depth + 1, seen));
                    steps.remove(steps.size() - 1);
                    return out;
                }
                case "integer", "number" -> {
                    return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
                }
                case "boolean" -> {
                    return NODES.booleanNode(false);
                }
                case "string" -> {
                    return new TextNode(switch (schema.path("format").asText()) {
                        case "uuid" -> NO_ID;
                        case "date-time" -> "2030-01-01T09:00:00Z";
                        case "date" -> "2030-01-01";
                        case "time", "local-time" -> "09:00:00";
                        case "duration" -> "PT5M";
                        case "email" -> "someone@example.com";
                        case "uri", "url" -> "https://example.com/hook";
                        default -> "x";
                    });
                }
                default -> {
                    return new TextNode("x");
                }
            }
        } finally {
            seen.remove(schema);
        }
    }

    // ---- bad values ----------------------------------------------------------------------------------------------

    /** The classes of bad value a field or parameter of {@code schema} gets. */
    private List<Bad> badValues(JsonNode raw, boolean parameter) {
        JsonNode schema = merged(raw);
        String type = typeOf(schema);
        String format = schema.path("format").asText();
        List<Bad> out = new ArrayList<>();
        // Whatever the type, these are never a value of it; a parameter arrives as text, so they concern bodies.
        if (!type.equals("string") && !type.equals("any")) {
            out.add(new Bad("text with a NUL for " + type, new TextNode("x\u0000y"), "x\u0000y", true));
        }
        out.add(new Bad("JSON null", NODES.nullNode(), null, false));
        switch (type) {
            case "string", "any" -> {
                out.add(new Bad("NUL", new TextNode("a\u0000b"), "a\u0000b", true));
                out.add(new Bad("unpaired surrogate", new TextNode(SURROGATE), null, true));
                out.add(new Bad("U+0001", new TextNode("a\u0001b"), "a\u0001b", false));
                out.add(new Bad("zero-width space", new TextNode("a\u200bb"), "a\u200bb", false));
                out.add(new Bad("byte order mark", new TextNode("\ufeffab"), "\ufeffab", false));
                out.add(new Bad("right-to-left override", new TextNode("a\u202egnp.exe"), "a\u202egnp.exe", false));
                out.add(new Bad("100k characters", new TextNode("x".repeat(100_000)), "x".repeat(2_000), false));
                out.add(new Bad("empty", new TextNode(""), "", false));
                if (type.equals("string")) {
                    out.add(new Bad("object for string", NODES.objectNode().put("a", 1), null, true));
                    out.add(new Bad("array for string", NODES.arrayNode().add("a"), null, true));
                    out.add(new Bad("number for string", NODES.numberNode(42), null, false));
                }
                if (schema.has("enum")) {
                    out.add(new Bad("not one of the values", new TextNode("NOT_A_VALUE"), "NOT_A_VALUE", true));
                    String first = schema.get("enum").get(0).asText();
                    out.add(new Bad("lower-case value", new TextNode(first.toLowerCase()), first.toLowerCase(),
                            false));
                }
                switch (format) {
                    case "uuid" -> {
                        for (String id : List.of("1-2-3-4-5", "0f1e2d3c4b5a49788695a4b3c2d1e0f9",
                                "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0fz", "{0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9}",
                                "AAAAAAAAAAAAAAAAAAAAAA==", "not-a-uuid")) {
                            out.add(new Bad("non-canonical UUID " + id, new TextNode(id), id, true));
                        }
                    }
                    case "date-time" -> {
                        out.add(new Bad("impossible date-time", new TextNode("2030-02-30T25:61:00Z"),
                                "2030-02-30T25:61:00Z", true));
                        out.add(new Bad("words for a date-time", new TextNode("yesterday"), "yesterday", true));
                        out.add(new Bad("date-time beyond any calendar", new TextNode("+1000000-01-01T00:00:00Z"),
                                "+1000000-01-01T00:00:00Z", false));
                        out.add(new Bad("epoch number for a date-time", NODES.numberNode(9_223_372_036_854_775_807L),
                                null, false));
                    }
                    case "date" -> {
                        out.add(new Bad("impossible date", new TextNode("2030-13-01"), "2030-13-01", true));
                        out.add(new Bad("date beyond any calendar", new TextNode("+1000000-01-01"),
                                "+1000000-01-01", false));
                    }
                    case "duration" -> {
                        out.add(new Bad("words for a duration", new TextNode("5 minutes"), "5 minutes", true));
                        out.add(new Bad("huge duration", new TextNode("PT9999999999999H"), "PT9999999999999H",
                                false));
                        out.add(new Bad("negative duration", new TextNode("-PT5M"), "-PT5M", false));
                    }
                    default -> {
                    }
                }
            }
            case "integer" -> {
                boolean int32 = !format.equals("int64");
                if (int32) {
                    out.add(new Bad("2^31", NODES.numberNode(2_147_483_648L), "2147483648", true));
                    out.add(new Bad("-2^31-1", NODES.numberNode(-2_147_483_649L), "-2147483649", true));
                }
                out.add(new Bad("2^31-1", NODES.numberNode(Integer.MAX_VALUE), "2147483647", false));
                out.add(new Bad("2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")),
                        "9223372036854775808", true));
                out.add(new Bad("2^63-1", NODES.numberNode(Long.MAX_VALUE), "9223372036854775807", int32));
                out.add(new Bad("-1", NODES.numberNode(-1), "-1", false));
                out.add(new Bad("1e308", NODES.numberNode(1e308), "1e308", true));
                out.add(new Bad("fraction", NODES.numberNode(1.5), "1.5", true));
                out.add(new Bad("NaN as text", new TextNode("NaN"), "NaN", true));
                out.add(new Bad("array for number", NODES.arrayNode().add(1), null, true));
                out.add(new Bad("object for number", NODES.objectNode().put("a", 1), null, true));
                out.add(new Bad("empty", null, "", false));
            }
            case "number" -> {
                out.add(new Bad("1e308", NODES.numberNode(1e308), "1e308", false));
                out.add(new Bad("-1", NODES.numberNode(-1), "-1", false));
                out.add(new Bad("NaN as text", new TextNode("NaN"), "NaN", false));
                out.add(new Bad("array for number", NODES.arrayNode().add(1), null, true));
                out.add(new Bad("object for number", NODES.objectNode().put("a", 1), null, true));
            }
            case "boolean" -> {
                out.add(new Bad("word for a boolean", new TextNode("maybe"), "maybe", true));
                out.add(new Bad("number for a boolean", NODES.numberNode(2), "2", false));
                out.add(new Bad("object for boolean", NODES.objectNode().put("a", 1), null, true));
                out.add(new Bad("array for boolean", NODES.arrayNode().add(true), null, true));
            }
            case "array" -> {
                String item = typeOf(merged(schema.path("items")));
                JsonNode filler = item.equals("object") ? NODES.objectNode()
                        : item.equals("integer") || item.equals("number") ? NODES.numberNode(1) : new TextNode("x");
                ArrayNode huge = NODES.arrayNode();
                IntStream.range(0, 100_000).forEach(i -> huge.add(filler));
                out.add(new Bad("100,000 items", huge, null, true));
                out.add(new Bad("object for array", NODES.objectNode().put("a", 1), null, true));
                out.add(new Bad("text for array", new TextNode("x"), null, false));
                out.add(new Bad("empty array", NODES.arrayNode(), null, false));
                out.add(new Bad("array of null", NODES.arrayNode().addNull(), null, false));
            }
            case "object" -> {
                out.add(new Bad("array for object", NODES.arrayNode().add(1), null, true));
                out.add(new Bad("text for object", new TextNode("x"), null, false));
                out.add(new Bad("empty object", NODES.objectNode(), null, false));
            }
            default -> {
            }
        }
        if (parameter) {
            out.removeIf(b -> b.param() == null);
        }
        return out;
    }

    // ---- JSON trees ----------------------------------------------------------------------------------------------

    private static JsonNode get(JsonNode root, List<Object> steps) {
        JsonNode at = root;
        for (Object step : steps) {
            at = step instanceof Integer i ? at.path(i) : at.path((String) step);
        }
        return at.isMissingNode() ? null : at;
    }

    private static void put(JsonNode root, List<Object> steps, JsonNode value) {
        JsonNode parent = get(root, steps.subList(0, steps.size() - 1));
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array && last instanceof Integer i && i < array.size()) {
            array.set(i, value);
        }
    }

    static String describe(List<Probe> probes) {
        return probes.stream().collect(Collectors.groupingBy(p -> p.op().service(), Collectors.counting())).toString();
    }
}
