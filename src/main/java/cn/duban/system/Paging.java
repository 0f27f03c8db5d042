package cn.duban.system;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list: {@code page} counts from 0, {@code size} rows a page (default {@value #DEFAULT_SIZE}, at most
 * {@value #MAX_SIZE}); anything else is a 400. Lists in the database are paged there ({@link #sql}), with a
 * {@code count(*)} for the total; lists small by nature and in memory already are {@link #slice}d.
 */
public record Paging(@Schema(description = "page, from 0", defaultValue = "0") Integer page,
                     @Schema(description = "rows a page, 1 to " + MAX_SIZE, defaultValue = "" + DEFAULT_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    /** The first page of the default size. */
    public static final Paging FIRST = new Paging(0, DEFAULT_SIZE);

    public Paging {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
        if (page < 0) {
            throw ApiException.badRequest("page 须为 0 或更大的整数: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size 须在 1 到 " + MAX_SIZE + " 之间: " + size);
        }
    }

    /** The rows of this page, after a query's {@code order by} (H2 and PostgreSQL alike). */
    public String sql() {
        return " offset " + (long) page * size + " rows fetch next " + size + " rows only";
    }

    /** This page of a whole list. */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min((long) page * size, all.size());
        return new Page<>(all.subList(from, Math.min(from + size, all.size())), all.size(), this);
    }

    /** A page of rows and the size of the whole list. */
    public <T> Page<T> of(List<T> rows, long total) {
        return new Page<>(rows, total, this);
    }

    /** The rows of one page, how many the whole list has, and which page of what size this is. */
    public record Page<T>(List<T> rows, long total, Paging paging) {

        /** How many pages the list has (at least one, an empty list's). */
        public int pages() {
            return (int) Math.max(1, (total + paging.size() - 1) / paging.size());
        }

        public boolean hasPrevious() {
            return paging.page() > 0;
        }

        public boolean hasNext() {
            return paging.page() + 1 < pages();
        }
    }
}
