package io.zgnode.store.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.zgnode.api.store.KeyValue;

/**
 * A lazy scan that fetches one page at a time from a {@link Source}. Each page is read under the
 * store's read lock, so no page ever shows a half-applied commit; what the pages show together
 * depends on the source (a snapshot's pages add up to one consistent state, the live store's
 * pages may each show a later commit).
 */
final class PagedIterator implements Iterator<KeyValue> {

    /** A page of entries and the range still to read after it ({@code null} when done). */
    record Page(List<KeyValue> entries, KeyRange rest) {
    }

    /** Reads the first entries of a range, in the scan direction. */
    @FunctionalInterface
    interface Source {
        Page page(KeyRange range, boolean descending);
    }

    private final Source source;
    private final boolean descending;
    private KeyRange remaining;
    private Iterator<KeyValue> page = Collections.emptyIterator();

    PagedIterator(Source source, KeyRange range, boolean descending) {
        this.source = source;
        this.descending = descending;
        this.remaining = range.isEmpty() ? null : range;
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext()) {
            if (remaining == null) {
                return false;
            }
            Page next = source.page(remaining, descending);
            page = next.entries().iterator();
            remaining = next.rest() == null || next.rest().isEmpty() ? null : next.rest();
        }
        return true;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }
}
