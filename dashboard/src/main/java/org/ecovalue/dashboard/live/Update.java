package org.ecovalue.dashboard.live;

/**
 * One change of the live view, as pushed to browsers: {@code kind} (section, agreement, inventory,
 * alert), the key within the kind, and the new view of that thing. Two updates with the same kind
 * and key within one push interval collapse into the later one.
 */
public record Update(String kind, String key, Object data) {

    public Update {
        if (kind == null || key == null || data == null) {
            throw new IllegalArgumentException("an update needs kind, key and data");
        }
    }

    public String id() {
        return kind + "|" + key;
    }
}
