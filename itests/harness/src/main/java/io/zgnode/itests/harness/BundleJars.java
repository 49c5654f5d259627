package io.zgnode.itests.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Bundle jars for live-update scenarios: the example plugin, and newer builds of a bundle. */
public final class BundleJars {

    private BundleJars() {
    }

    /** The example plugin's jar in a distribution's repository. */
    public static Path examplePlugin(Path dist) throws IOException {
        return bundle(dist, "io.zgnode.plugin.example");
    }

    /** One of zgnode's own bundles (artifactId = symbolic name) in a distribution's repository. */
    public static Path bundle(Path dist, String artifactId) throws IOException {
        try (Stream<Path> files = Files.walk(dist.resolve("repository/io/zgnode/" + artifactId))) {
            return files.filter(p -> p.toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(artifactId + " is not in the distribution " + dist));
        }
    }

    /**
     * Writes {@code source} to {@code target} with {@code suffix} appended to its Bundle-Version
     * qualifier: the same bundle at a higher version, as a rebuild would produce.
     */
    public static void withVersionSuffix(Path source, Path target, String suffix) throws IOException {
        try (JarFile jar = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(jar.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-Version", main.getValue("Bundle-Version") + suffix);
            try (OutputStream out = Files.newOutputStream(target); JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
    }
}
