package io.zgnode.itests.osgi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** Builds the next version of an installed bundle, as a developer's rebuild would. */
final class BundleJars {

    private BundleJars() {
    }

    /**
     * The bundle's own content with a higher Bundle-Version (the qualifier gets {@code suffix}),
     * as a stream to update the bundle with.
     */
    static InputStream nextVersion(Bundle bundle, String suffix) throws IOException {
        Manifest manifest;
        try (InputStream in = bundle.getEntry("META-INF/MANIFEST.MF").openStream()) {
            manifest = new Manifest(in);
        }
        Version current = bundle.getVersion();
        Version next = new Version(current.getMajor(), current.getMinor(), current.getMicro(), current.getQualifier() + suffix);
        manifest.getMainAttributes().put(new Attributes.Name(Constants.BUNDLE_VERSION), next.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (URL entry : Collections.list(bundle.findEntries("/", "*", true))) {
                String name = entry.getPath().substring(1);
                if (name.equals("META-INF/MANIFEST.MF") || name.endsWith("/")) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(name));
                try (InputStream in = entry.openStream()) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
