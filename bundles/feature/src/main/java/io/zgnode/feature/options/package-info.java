/** The options a node was started with, remembered in its data directory. */
package io.zgnode.feature.options;
