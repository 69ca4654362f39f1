package io.muster.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plan editor's stage rows read back into escalation's stage definitions. Each row is a comma-separated list of
 * role keys and an optional timeout in seconds; a row with no roles is dropped (that is how a stage is removed). What
 * the editor does not show (a stage's teams, named contacts, levels) is kept from the stage that had that position.
 */
final class StageForm {

    private static final String ROLE_KEY = "[a-z0-9][a-z0-9-]*";

    /** The stages to send, or the first problem, naming the row and field. */
    record Parsed(List<Map<String, Object>> stages, String problem) {
    }

    private StageForm() {
    }

    static Parsed parse(List<String> roles, List<String> timeouts, List<Map<String, Object>> existing) {
        List<Map<String, Object>> stages = new ArrayList<>();
        int rows = roles == null ? 0 : roles.size();
        for (int i = 0; i < rows; i++) {
            Set<String> keys = new LinkedHashSet<>();
            for (String part : roles.get(i).split(",")) {
                String key = part.strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    continue;
                }
                if (!key.matches(ROLE_KEY) || key.length() > 80) {
                    return new Parsed(List.of(), "Stage " + (i + 1) + " roles: \"" + Forms.trimmed(key, 80)
                            + "\" is not a role key (lower-case words joined by dashes)");
                }
                keys.add(key);
            }
            String timeout = timeouts != null && i < timeouts.size() ? timeouts.get(i).strip() : "";
            Map<String, Object> previous = existing != null && i < existing.size() ? existing.get(i) : Map.of();
            boolean hasOtherTargets = !isEmpty(previous.get("teams")) || !isEmpty(previous.get("contacts"))
                    || !isEmpty(previous.get("levels"));
            if (keys.isEmpty() && !hasOtherTargets) {
                continue;
            }
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("roles", List.copyOf(keys));
            stage.put("teams", previous.getOrDefault("teams", List.of()));
            stage.put("contacts", previous.getOrDefault("contacts", List.of()));
            stage.put("levels", previous.getOrDefault("levels", List.of()));
            if (!timeout.isEmpty()) {
                if (!timeout.matches("[0-9]{1,5}") || Integer.parseInt(timeout) < 1
                        || Integer.parseInt(timeout) > 86_400) {
                    return new Parsed(List.of(), "Stage " + (i + 1) + " timeoutSeconds: must be a whole number of "
                            + "seconds from 1 to 86400, or empty for the severity's ack target");
                }
                stage.put("timeoutSeconds", Integer.parseInt(timeout));
            } else {
                stage.put("timeoutSeconds", null);
            }
            stages.add(stage);
        }
        if (stages.isEmpty()) {
            return new Parsed(List.of(), "stages: a policy needs at least one stage with a role");
        }
        return new Parsed(stages, null);
    }

    private static boolean isEmpty(Object value) {
        return !(value instanceof List<?> l) || l.isEmpty();
    }
}
