package io.muster.directory.service;

import java.util.List;
import java.util.UUID;

/** A team as a use case creates or replaces it; every member must be a person in the directory. */
public record TeamFields(String name, String description, List<UUID> memberIds) {
}
