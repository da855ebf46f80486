package org.articlekg.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: a leading byte-order mark is dropped, and an invalid byte sequence
 * raises {@link MalformedUtf8Exception} saying on which line and column it is (the JDK's own
 * decoder says neither).
 */
final class StrictUtf8Reader extends Reader {
    /** Invalid UTF-8 at a known place in the text. */
    static final class MalformedUtf8Exception extends IOException {
        final long line;
        final long column;

        MalformedUtf8Exception(long line, long column, String bytes) {
            super("invalid UTF-8 byte sequence " + bytes + " (save the file as UTF-8)");
            this.line = line;
            this.column = column;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean eof;
    private boolean atStart = true;
    private long line = 1;
    private long column = 1;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() && eof) return -1;
            if (!eof) fill();
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                int from = off;
                if (atStart && out.position() > off && cbuf[off] == '\uFEFF') from++;
                track(cbuf, from, out.position());
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < result.length() && bytes.hasRemaining(); i++) {
                    hex.append(String.format("%s0x%02X", i == 0 ? "" : " ", bytes.get() & 0xFF));
                }
                throw new MalformedUtf8Exception(line, column, hex.toString());
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(out);
                if (out.position() == off) return -1;
            }
        }
        int start = off;
        if (atStart) {
            atStart = false;
            if (cbuf[off] == '\uFEFF') {
                System.arraycopy(cbuf, off + 1, cbuf, off, out.position() - off - 1);
                out.position(out.position() - 1);
                if (out.position() == off) return read(cbuf, off, len);
            }
        }
        track(cbuf, start, out.position());
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) eof = true;
        else bytes.position(bytes.position() + n);
        bytes.flip();
    }

    private void track(char[] cbuf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (cbuf[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
