package io.muster.directory.service;

/**
 * What an import created, or would have created on a dry run; {@code roles} counts the roles it gave an escalation
 * contact.
 */
public record ImportResult(boolean dryRun, int people, int channels, int teams, int rotations,
        int externalResources, int roles) {
}
