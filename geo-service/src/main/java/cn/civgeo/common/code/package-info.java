/** Codes with rules of their own (division codes, GB/T 2260 and GB/T 10114): one home for each, used by every feature. */
package cn.civgeo.common.code;
