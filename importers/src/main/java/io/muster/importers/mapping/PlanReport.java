package io.muster.importers.mapping;

import io.muster.importers.mapping.MusterPlan.Finding;
import io.muster.importers.mapping.MusterPlan.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A plan as a dry run prints it: what would be created, then what could not be carried over and why. */
public final class PlanReport {

    private PlanReport() {
    }

    public static String render(MusterPlan plan) {
        StringBuilder out = new StringBuilder();
        MusterPlan.Directory d = plan.directory();
        long verified = d.people().stream().flatMap(p -> p.channels().stream()).filter(MusterPlan.Channel::verified)
                .count();
        long channels = d.people().stream().mapToLong(p -> p.channels().size()).sum();
        out.append("Import from ").append(plan.provider()).append(" would create:\n");
        out.append(String.format("  %d roles: %s%n", plan.roles().size(),
                plan.roles().stream().map(MusterPlan.Role::key).collect(Collectors.joining(", "))));
        out.append(String.format("  %d people with %d channels (%d verified by the source; codes are sent for the"
                + " other %d)%n", d.people().size(), channels, verified, channels - verified));
        out.append(String.format("  %d teams, %d rotations, %d rotation overrides%n", d.teams().size(),
                d.rotations().size(), plan.overrides().size()));
        for (MusterPlan.Rotation r : d.rotations()) {
            String unit = r.shiftUnit().name().toLowerCase(java.util.Locale.ROOT);
            String every = r.shiftLength() == 1 ? unit.substring(0, unit.length() - 1) : r.shiftLength() + " " + unit;
            out.append(String.format("    rotation %s: role %s, hands off every %s from %s %s, %d members%n",
                    r.name(), r.roleKey(), every, r.handoffStart(), r.timeZone(), r.memberRefs().size()));
        }
        out.append(String.format("  %d escalation policies%n", plan.policies().size()));
        for (MusterPlan.Policy p : plan.policies()) {
            out.append("    policy ").append(p.name()).append(":");
            for (int i = 0; i < p.stages().size(); i++) {
                MusterPlan.Stage s = p.stages().get(i);
                out.append(i == 0 ? " " : " then ").append(targets(s));
                out.append(s.timeoutSeconds() == null ? " (severity's ack target)"
                        : " (" + s.timeoutSeconds() / 60 + " min)");
            }
            out.append('\n');
        }
        out.append(String.format("  %d response plans%n", plan.responsePlans().size()));
        for (MusterPlan.ResponsePlan rp : plan.responsePlans()) {
            out.append(String.format("    %s: incident type %s at %s, policy %s%n", rp.source(), rp.incidentType(),
                    rp.severity(), rp.policy() == null ? "(none: see below)" : rp.policy()));
        }
        Map<Kind, List<Finding>> byKind = OrganisationMapping.byKind(plan);
        section(out, "Not carried over", byKind.get(Kind.NOT_MAPPED));
        section(out, "Carried over differently", byKind.get(Kind.CHANGED));
        section(out, "Notes", byKind.get(Kind.NOTE));
        return out.toString();
    }

    private static String targets(MusterPlan.Stage s) {
        String roles = s.roles().isEmpty() ? "" : "roles " + String.join(", ", s.roles());
        String people = s.contactRefs().isEmpty() ? "" : "people " + String.join(", ", s.contactRefs());
        return roles.isEmpty() ? people : people.isEmpty() ? roles : roles + " and " + people;
    }

    private static void section(StringBuilder out, String title, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(" (").append(findings.size()).append("):\n");
        for (Finding f : findings) {
            out.append("  - ").append(f.subject()).append(": ").append(f.detail()).append('\n');
        }
    }
}
