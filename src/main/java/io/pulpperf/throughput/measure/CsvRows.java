package io.pulpperf.throughput.measure;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows of text cells through Jackson's streaming CSV generator: a cell is quoted only
 * when it holds a comma, a quote, a line feed or a carriage return; quotes inside are doubled;
 * rows end with {@code \n}; a null cell is empty. Not thread-safe.
 *
 * <p>Jackson's choices: {@code STRICT_CHECK_FOR_QUOTING} on, since its default quotes any cell
 * longer than 24 characters or with a character below {@code '-'} (every task href, every
 * space). Its strict check does not see a carriage return (only the line separator's first
 * character), so a cell with one is written with {@code ALWAYS_QUOTE_STRINGS} switched on for
 * that cell. {@code ESCAPE_QUOTE_CHAR_WITH_ESCAPE_CHAR} stays off and no escape character is set,
 * so quotes are doubled, not backslashed. Nulls are written as empty strings, because inside a
 * row (a root-level array) the generator drops a {@code writeNull} and shifts the columns.
 */
public final class CsvRows implements Flushable, Closeable {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(CsvGenerator.Feature.ESCAPE_QUOTE_CHAR_WITH_ESCAPE_CHAR)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\n");

    private final CsvGenerator out;
    private boolean inRow;

    /** Writes to {@code out} (closed with this), starting with the header row. */
    public CsvRows(Writer out, List<String> header) throws IOException {
        this.out = FACTORY.createGenerator(out);
        this.out.setSchema(SCHEMA);
        row(header);
    }

    /** The whole text of a small table, for attachments. */
    public static String text(List<String> header, Iterable<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CsvRows csv = new CsvRows(text, header)) {
            for (List<String> row : rows) csv.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen with a StringWriter", e);
        }
        return text.toString();
    }

    /** Appends one cell to the current row (starting one if needed); null is an empty cell. */
    public CsvRows cell(String text) throws IOException {
        if (!inRow) {
            out.writeStartArray();
            inRow = true;
        }
        if (text == null) {
            out.writeString("");
        } else if (text.indexOf('\r') >= 0) {
            out.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
            out.writeString(text);
            out.disable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        } else {
            out.writeString(text);
        }
        return this;
    }

    /** Ends the current row (a row without cells writes nothing). */
    public void endRow() throws IOException {
        if (inRow) out.writeEndArray();
        inRow = false;
    }

    /** Writes a whole row. */
    public void row(List<String> cells) throws IOException {
        for (String c : cells) cell(c);
        endRow();
    }

    /** Hands everything written so far to the file (an interrupted run keeps it). */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
