package org.ecovalue.jobs.inventory;

import java.util.TreeSet;

/** The contributing stations of a day's figures, kept in state as one comma-separated string. */
final class Stations {

    private Stations() {
    }

    static TreeSet<String> parse(String joined) {
        TreeSet<String> ids = new TreeSet<>();
        for (String id : joined.split(",")) {
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
