/**
 * The features a distribution offers and the bundles they name. Plain Java on top of the OSGi
 * Feature Service, so the launcher uses it before the framework runs, and the feature manager
 * inside it.
 */
package io.zgnode.feature.catalog;
