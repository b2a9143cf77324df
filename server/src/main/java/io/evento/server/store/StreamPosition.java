package io.evento.server.store;

/**
 * A place in the global event stream. The global order is {@code (tx, position)}: in HORIZON mode
 * {@code tx} is the appending transaction's id, in CPES and APES it is always 0 and {@code position}
 * alone orders the stream. Readers resume strictly after the position they last read.
 *
 * @param tx       transaction component (0 outside HORIZON)
 * @param position the event's position
 */
public record StreamPosition(long tx, long position) implements Comparable<StreamPosition> {

    /** Before the first event. */
    public static final StreamPosition START = new StreamPosition(0, 0);

    public StreamPosition {
        if (tx < 0 || position < 0) {
            throw new IllegalArgumentException("a stream position is never negative: " + tx + "/" + position);
        }
    }

    @Override
    public int compareTo(StreamPosition other) {
        int byTx = Long.compare(tx, other.tx);
        return byTx != 0 ? byTx : Long.compare(position, other.position);
    }

    public boolean isAfter(StreamPosition other) {
        return compareTo(other) > 0;
    }

    /** The text form {@code tx.position}, used on the wire and in consumer state stores. */
    @Override
    public String toString() {
        return tx + "." + position;
    }

    /** Parses {@link #toString()}'s form; a plain number is a position with tx 0. */
    public static StreamPosition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty stream position");
        }
        int dot = text.indexOf('.');
        try {
            return dot < 0 ? new StreamPosition(0, Long.parseLong(text))
                    : new StreamPosition(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream position (tx.position): " + text, e);
        }
    }
}
