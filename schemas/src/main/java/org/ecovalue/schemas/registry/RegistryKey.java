package org.ecovalue.schemas.registry;

/** A parsed {@code eco.registry} key, {@code {kind}/{id}}. */
public record RegistryKey(RegistryKind kind, String id) {

    public RegistryKey {
        FieldCheck.present(kind, "kind");
        FieldCheck.id(id, "id");
    }

    /** Parses {@code station/SW390121000001}; an {@link IllegalArgumentException} for anything else. */
    public static RegistryKey parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("registry key '" + key + "' is not {kind}/{id}");
        }
        return new RegistryKey(RegistryKind.ofCode(key.substring(0, slash)), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return kind.key(id);
    }
}
