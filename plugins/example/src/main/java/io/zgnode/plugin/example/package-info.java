/** The example plugin. Private: a plugin exports nothing, so replacing it refreshes nothing else. */
package io.zgnode.plugin.example;
