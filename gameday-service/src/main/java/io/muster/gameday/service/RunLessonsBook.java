package io.muster.gameday.service;

import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.muster.gameday.api.LessonsRequest;
import io.muster.gameday.api.LessonsResponse;
import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.RunLessons;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lessons learned per run and the action items they produce, open ones listed across runs. */
@ApplicationScoped
public class RunLessonsBook {

    static final String AUDIT_LESSONS = "run-lessons";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public record Lessons(RunLessons lessons, List<ActionItem> items) {
    }

    public record OpenItem(ActionItem item, GameDayRun run) {
    }

    /** Replaces the run's lessons and action items in one go. */
    @Transactional
    public Lessons record(UUID runId, LessonsRequest request, String author) {
        GameDayRun run = GameDayRun.findById(runId);
        if (run == null) {
            throw ProblemException.notFound("Run", runId);
        }
        if (run.status == RunStatus.SCHEDULED || run.status == RunStatus.CANCELLED) {
            throw ProblemException.conflict("run-not-held", "runId",
                    "run " + runId + " is " + run.status + ": lessons are recorded once a run has happened");
        }
        LessonsResponse before = find(runId).map(LessonsResponse::of).orElse(null);
        RunLessons lessons = RunLessons.findById(runId);
        if (lessons == null) {
            lessons = new RunLessons();
            lessons.runId = runId;
        }
        lessons.wentWell = strip(request.wentWell());
        lessons.didNotGoWell = strip(request.didNotGoWell());
        lessons.updatedAt = clock.instant();
        lessons.updatedBy = author;
        lessons.persist();
        // A bulk delete runs at once, so the new rows may reuse the positions of the old ones.
        ActionItem.delete("runId", runId);
        List<ActionItem> items = new ArrayList<>();
        List<LessonsRequest.Item> requested = request.actionItems() == null ? List.of() : request.actionItems();
        for (int i = 0; i < requested.size(); i++) {
            LessonsRequest.Item r = requested.get(i);
            ActionItem item = new ActionItem();
            item.id = UUID.randomUUID();
            item.runId = runId;
            item.position = i;
            item.title = r.title().strip();
            item.owner = r.owner().strip();
            item.dueDate = r.dueDate();
            item.done = Boolean.TRUE.equals(r.done());
            item.persist();
            items.add(item);
        }
        Lessons recorded = new Lessons(lessons, items);
        audit.record(AUDIT_LESSONS, runId, before == null ? "created" : "updated", author, before,
                LessonsResponse.of(recorded));
        return recorded;
    }

    @Transactional
    public Lessons of(UUID runId) {
        if (GameDayRun.findById(runId) == null) {
            throw ProblemException.notFound("Run", runId);
        }
        return find(runId).orElseThrow(() -> ProblemException.notFound("Lessons of run", runId));
    }

    /** The run's lessons, if any were recorded. */
    @Transactional
    public Optional<Lessons> find(UUID runId) {
        RunLessons lessons = RunLessons.findById(runId);
        return lessons == null ? Optional.empty()
                : Optional.of(new Lessons(lessons, ActionItem.list("runId", Sort.by("position"), runId)));
    }

    /** Action items across runs, soonest due first; {@code open} null lists all. */
    @Transactional
    public List<OpenItem> actionItems(Boolean open) {
        List<ActionItem> items = open == null ? ActionItem.listAll(Sort.by("dueDate").and("position"))
                : ActionItem.list("done", Sort.by("dueDate").and("position"), !open);
        Map<UUID, GameDayRun> runs = items.isEmpty() ? Map.of()
                : GameDayRun.<GameDayRun>list("id in ?1", items.stream().map(i -> i.runId).distinct().toList())
                        .stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        return items.stream().map(i -> new OpenItem(i, runs.get(i.runId))).toList();
    }

    private static List<String> strip(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(String::strip).toList();
    }
}
