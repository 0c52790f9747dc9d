/**
 * The NewsLens mark in the popup's and the options page's headers: the same PNG the toolbar shows
 * (made at build time from assets/icon.svg), drawn at 48 px so it stays sharp on dense screens.
 */
export function Logo({ size }: { size: number }) {
  return <img class="nl-logo" src="/icons/48.png" width={size} height={size} alt="" aria-hidden="true" />;
}
