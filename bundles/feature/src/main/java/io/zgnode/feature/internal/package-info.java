/** The feature manager component and its shell commands. */
package io.zgnode.feature.internal;
