/** In-framework tests of a core node's bundles and the example plugin. */
package io.zgnode.itests.osgi;
