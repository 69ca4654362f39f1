package io.muster.escalation.service;

import java.util.List;

/**
 * The public-relations plan as a use case receives it to replace the current one. {@code spokespersonRole} may be
 * null or blank (no spokesperson named); the other texts are stripped before they are kept.
 */
public record PublicRelationsFields(String spokespersonRole, List<String> approverRoles, String guidance,
        String holdingStatementTemplate) {
}
