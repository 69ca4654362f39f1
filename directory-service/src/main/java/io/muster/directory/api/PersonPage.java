package io.muster.directory.api;

import java.util.List;

/** One page of people; {@code total} counts every match, not just this page. */
public record PersonPage(List<PersonResponse> items, int page, int size, long total) {
}
