package io.muster.escalation.service;

import java.util.List;

/**
 * The incident response plan document as structure, before it becomes Markdown or HTML: sections with stable ids
 * (the table of contents and links use them), each a list of blocks. Every string here is plain text, exactly as
 * entered or derived; {@link PlanDocumentRenderer} escapes it for the format it writes.
 */
public final class PlanDocumentModel {

    private PlanDocumentModel() {
    }

    /** @param facts the document's header lines (version, approver, review due...), label then value */
    public record Document(String title, List<Fact> facts, List<Section> sections) {
    }

    public record Fact(String label, String value) {
    }

    public record Section(String id, String title, List<Block> blocks) {
    }

    public sealed interface Block permits Paragraph, Heading, Table, Bullets {
    }

    /** Text whose line breaks are kept; a blank line starts a new paragraph. */
    public record Paragraph(String text) implements Block {
    }

    /** A sub-heading inside a section, with an id of its own so it can be linked to. */
    public record Heading(String id, String text) implements Block {
    }

    /** {@code empty} is written instead of the table when it has no rows. */
    public record Table(List<String> headers, List<List<String>> rows, String empty) implements Block {
    }

    public record Bullets(List<String> items, String empty) implements Block {
    }
}
