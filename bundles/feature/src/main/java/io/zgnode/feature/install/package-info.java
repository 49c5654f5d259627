/** Brings the framework's bundles in line with a list of wanted bundles. */
package io.zgnode.feature.install;
