package io.muster.directory.api;

/** What an import created, or would have created on a dry run. */
public record ImportResult(boolean dryRun, int people, int channels, int teams, int rotations,
        int externalResources) {
}
