/**
 * One theme for the phone pages (antd-mobile, CSS variables in app/global.css) and the desk pages (antd
 * tokens): the same primary colour, radius and Chinese font stack.
 */
export const THEME = {
  primary: '#1677ff',
  success: '#00b578',
  warning: '#ff8f1f',
  danger: '#ff3141',
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
  borderRadius: THEME.radius,
  fontFamily: THEME.fontFamily,
};
