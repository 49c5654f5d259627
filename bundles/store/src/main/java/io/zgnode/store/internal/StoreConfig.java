package io.zgnode.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the store, PID {@code io.zgnode.store}. A change reopens the store. */
@ObjectClassDefinition(id = MapDbStore.PID, name = "zgnode store",
        description = "The node's transactional key-value store (one MapDB file per data directory).")
public @interface StoreConfig {

    @AttributeDefinition(name = "Directory", required = false,
            description = "Directory of the store file. Empty: <zgnode.data>/store, or the bundle's data "
                    + "area when the framework property zgnode.data is unset. A relative path is resolved "
                    + "against zgnode.data (or the working directory when that is unset).")
    String directory() default "";

    @AttributeDefinition(name = "Memory-map the file",
            description = "Read and write the store file through memory mapping where the JVM supports it "
                    + "(faster reads); off uses a FileChannel.")
    boolean mmap() default true;

    @AttributeDefinition(name = "Growth increment (MiB)",
            description = "The file grows in steps of this size (1 to 1024); larger steps remap less often.")
    int allocate_increment_mib() default StoreSettings.DEFAULT_INCREMENT_MIB;

    @AttributeDefinition(name = "Scan page size",
            description = "Entries read per lock acquisition by scans (16 to 65536). Larger pages read faster "
                    + "but hold commits back longer.")
    int scan_page_size() default StoreSettings.DEFAULT_PAGE_SIZE;
}
