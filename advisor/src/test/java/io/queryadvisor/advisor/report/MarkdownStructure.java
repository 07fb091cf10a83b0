package io.queryadvisor.advisor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block structure of a Markdown document as CommonMark and GitHub's table extension read it:
 * fenced code blocks, tables (split into cells the way the table extension splits them) and
 * headings. Enough to check that our Markdown holds together; not a renderer.
 */
record MarkdownStructure(List<CodeBlock> codeBlocks, List<List<List<String>>> tables, List<String> headings,
                         boolean unclosedFence) {

    record CodeBlock(String info, String content) {
    }

    private static final Pattern OPENING_FENCE = Pattern.compile("^(`{3,})([^`]*)$");

    static MarkdownStructure parse(String markdown) {
        List<CodeBlock> blocks = new ArrayList<>();
        List<List<List<String>>> tables = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<List<String>> table = null;
        String fence = null;
        String info = null;
        StringBuilder content = null;
        for (String line : markdown.split("\n", -1)) {
            if (fence != null) {
                if (line.startsWith(fence) && line.strip().chars().allMatch(c -> c == '`')) {
                    blocks.add(new CodeBlock(info, content.toString()));
                    fence = null;
                } else {
                    content.append(line).append('\n');
                }
                continue;
            }
            Matcher opening = OPENING_FENCE.matcher(line);
            if (line.startsWith("|")) {
                if (table == null) {
                    table = new ArrayList<>();
                    tables.add(table);
                }
                table.add(cells(line));
                continue;
            }
            table = null;
            if (opening.matches()) {
                fence = opening.group(1);
                info = opening.group(2).strip();
                content = new StringBuilder();
            } else if (line.startsWith("#")) {
                headings.add(line);
            }
        }
        return new MarkdownStructure(blocks, tables, headings, fence != null);
    }

    /** A row's cells, split on every pipe not escaped by a backslash, as the table extension does. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append("\\|");
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        // The leading and trailing pipes of a row delimit nothing.
        return cells.subList(1, cells.size() - 1);
    }
}
