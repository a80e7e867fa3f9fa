/**
 * One theme for the phone pages (antd-mobile, CSS variables in app/global.css) and the desk pages (antd
 * tokens): the same primary colour, radius and Chinese font stack.
 */
export const THEME = {
  primary: '#0958d9',
  success: '#007a4d',
  warning: '#ad4e00',
  danger: '#cf1322',
  radius: 8,
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, "Noto Sans SC", sans-serif',
} as const;

/** antd's tokens from the same theme (the desk pages' ConfigProvider). */
export const DESK_TOKENS = {
  colorPrimary: THEME.primary,
  colorSuccess: THEME.success,
  colorWarning: THEME.warning,
  colorError: THEME.danger,
  // Links and "processing" tags in the primary blue (antd's default #1677ff is under 4.5:1 on white).
  colorInfo: THEME.primary,
  colorLink: THEME.primary,
  borderRadius: THEME.radius,
  fontFamily: THEME.fontFamily,
  // Secondary text dark enough for a 4.5:1 contrast on white.
  colorTextDescription: '#595959',
  colorTextSecondary: '#595959',
  // Placeholders ("全部角色" in a filter) are what a field says when empty: readable at 4.5:1 as well.
  colorTextPlaceholder: '#737373',
  // Tertiary text (descriptions' labels) too.
  colorTextTertiary: '#666666',
};
